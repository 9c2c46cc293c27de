// One GEMM test case: random operands stored with chosen strides, C pre-filled, the reference result, and
// the tolerance every fast variant is held to. Elements of C outside its (m, n) window hold a sentinel
// that a correct kernel never touches; A and B hold NaN between rows, which a correct kernel never reads.
//
// Tolerance: |C - C_ref| <= 2 sqrt(k) eps (|alpha| sum_p |a_ip b_pj| + |beta c_ij|) + tiny, eps = 2^-23.
// The reference accumulates in double, the kernels in float32 in a different order (blocked over k, FMA,
// alpha folded into A), so they differ by rounding: the error of a k-term float sum grows like sqrt(k) eps
// relative to the sum of the terms' magnitudes in typical cases (k eps in the worst). The bound is far
// below the size of any single term, so a missing, doubled or misplaced term still fails.
using Ramp.Training.Kernels;

namespace Ramp.Training.Tests.Kernels;

internal sealed class GemmTestCase
{
    private const float Sentinel = -12345.5f;

    public GemmTestCase(
        bool transposeA, bool transposeB, int m, int n, int k, int seed,
        int extraStride = 0, float alpha = 1f, float beta = 0f, float? initialC = null)
    {
        TransposeA = transposeA;
        TransposeB = transposeB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        Beta = beta;
        var random = new Random(seed);
        var (aRows, aColumns) = transposeA ? (k, m) : (m, k);
        var (bRows, bColumns) = transposeB ? (n, k) : (k, n);
        Lda = aColumns + extraStride;
        Ldb = bColumns + extraStride;
        Ldc = n + extraStride;
        A = Fill(random, aRows, aColumns, Lda);
        B = Fill(random, bRows, bColumns, Ldb);
        InitialC = new float[Math.Max(1, m * Ldc)];
        Array.Fill(InitialC, Sentinel);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                InitialC[(i * Ldc) + j] = initialC ?? ((random.NextSingle() * 2f) - 1f);
            }
        }

        Expected = (float[])InitialC.Clone();
        GemmReference.Multiply(transposeA, transposeB, m, n, k, A, Lda, B, Ldb, Expected, Ldc, alpha, beta);
    }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float Beta { get; }

    public int Lda { get; }

    public int Ldb { get; }

    public int Ldc { get; }

    public float[] A { get; }

    public float[] B { get; }

    public float[] InitialC { get; }

    public float[] Expected { get; }

    public override string ToString() =>
        $"{(TransposeA ? "At" : "A")}·{(TransposeB ? "Bt" : "B")} m={M} n={N} k={K} lda={Lda} ldb={Ldb} ldc={Ldc} alpha={Alpha} beta={Beta}";

    /// <summary>A fresh copy of the initial C to run a kernel on.</summary>
    public float[] NewC() => (float[])InitialC.Clone();

    /// <summary>Runs the problem through the given team and variant on exactly <paramref name="threads"/> threads.</summary>
    public unsafe float[] RunOn(GemmVariant variant, GemmTeam team, int threads)
    {
        var c = NewC();
        fixed (float* a = A, b = B, pc = c)
        {
            var problem = new GemmProblem
            {
                TransposeA = TransposeA, TransposeB = TransposeB, M = M, N = N, K = K,
                A = a, Lda = Lda, B = b, Ldb = Ldb, C = pc, Ldc = Ldc, Alpha = Alpha, Beta = Beta,
            };
            GemmRunner.Run(problem, variant, team, threads);
        }

        return c;
    }

    /// <summary>Asserts that <paramref name="actual"/> matches the reference within the tolerance, sentinels intact.</summary>
    public void AssertMatches(float[] actual, string context)
    {
        Assert.Equal(Expected.Length, actual.Length);
        for (var index = 0; index < actual.Length; index++)
        {
            var (i, j) = (index / Ldc, index % Ldc);
            if (i >= M || j >= N)
            {
                Assert.True(actual[index] == Sentinel, $"{context} {this}: wrote outside C at ({i}, {j}).");
                continue;
            }

            var tolerance = Tolerance(i, j);
            var error = Math.Abs((double)actual[index] - Expected[index]);
            Assert.True(
                error <= tolerance,
                $"{context} {this}: C[{i},{j}] = {actual[index]}, reference {Expected[index]}, error {error:E2} > {tolerance:E2}.");
        }
    }

    private double Tolerance(int i, int j)
    {
        double magnitude = 0;
        for (var p = 0; p < K; p++)
        {
            var x = TransposeA ? A[(p * Lda) + i] : A[(i * Lda) + p];
            var y = TransposeB ? B[(j * Ldb) + p] : B[(p * Ldb) + j];
            magnitude += Math.Abs((double)x * y);
        }

        var scale = (Math.Abs(Alpha) * magnitude) + (Beta == 0f ? 0 : Math.Abs(Beta * InitialC[(i * Ldc) + j]));
        return (2 * Math.Sqrt(Math.Max(K, 1)) * Math.Pow(2, -23) * scale) + 1e-30;
    }

    private static float[] Fill(Random random, int rows, int columns, int stride)
    {
        // NaN between rows: a kernel that reads past a row's width poisons its result.
        var values = new float[Math.Max(1, rows * stride)];
        Array.Fill(values, float.NaN);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[(i * stride) + j] = (random.NextSingle() * 2f) - 1f;
            }
        }

        return values;
    }
}
