// General matrix multiply on row-major float32 matrices: the one entry point every layer calls.
// Convention: C[m,n] = alpha * op(A)[m,k] * op(B)[k,n] + beta * C[m,n], where op(X) is X or its transpose.
// A is stored (m,k) with row stride lda when not transposed, (k,m) when transposed; likewise B.
// Like BLAS, alpha 0 (or k 0) only scales C by beta: A and B are then not read.
namespace Ramp.Training.Kernels;

/// <summary>Row-major single-precision matrix multiply, dispatched to the selected kernel variant.</summary>
public static unsafe partial class Gemm
{
    /// <summary>Computes <c>C = alpha * op(A) * op(B) + beta * C</c>.</summary>
    /// <param name="transposeA">Whether A is stored transposed, as (k, m).</param>
    /// <param name="transposeB">Whether B is stored transposed, as (n, k).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="a">A, row stride <paramref name="lda"/>.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">B, row stride <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="c">C (m, n), row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing C; 0 overwrites C (even NaN in C is ignored), 1 accumulates.</param>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float alpha = 1f, float beta = 0f)
    {
        ValidateShape(transposeA, transposeB, m, n, k, lda, ldb, ldc);
        RequireLength(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a));
        RequireLength(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b));
        RequireLength(c.Length, m, n, ldc, nameof(c));
        fixed (float* pa = a, pb = b, pc = c)
        {
            Run(transposeA, transposeB, m, n, k, pa, lda, pb, ldb, pc, ldc, alpha, beta, Variant, ThreadCount);
        }
    }

    /// <summary>
    /// Computes <c>C = alpha * op(A) * op(B) + beta * C</c> on native memory, e.g. the pointers of
    /// <see cref="Memory.NativeFloatBlock"/> or <see cref="Memory.FloatSlice"/>; the caller guarantees the
    /// extents. Same convention as the span overload.
    /// </summary>
    /// <param name="transposeA">Whether A is stored transposed, as (k, m).</param>
    /// <param name="transposeB">Whether B is stored transposed, as (n, k).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="a">A, row stride <paramref name="lda"/>.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">B, row stride <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="c">C (m, n), row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing C; 0 overwrites C (even NaN in C is ignored), 1 accumulates.</param>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha = 1f, float beta = 0f)
    {
        ValidateShape(transposeA, transposeB, m, n, k, lda, ldb, ldc);
        RequireAddress(a, m > 0 && k > 0, nameof(a));
        RequireAddress(b, n > 0 && k > 0, nameof(b));
        RequireAddress(c, m > 0 && n > 0, nameof(c));
        Run(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, alpha, beta, Variant, ThreadCount);
    }

    /// <summary>Runs a validated call with an explicit variant and thread budget (tests and benchmarks).</summary>
    internal static void Run(
        bool transposeA, bool transposeB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha, float beta,
        GemmVariant variant, int threadCount)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        var problem = new GemmProblem
        {
            TransposeA = transposeA, TransposeB = transposeB, M = m, N = n, K = k,
            A = a, Lda = lda, B = b, Ldb = ldb, C = c, Ldc = ldc, Alpha = alpha, Beta = beta,
        };
        if (k == 0 || alpha == 0f)
        {
            ScaleC(problem);
            return;
        }

        GemmRunner.Run(problem, variant, threadCount);
    }

    private static void ScaleC(in GemmProblem problem)
    {
        for (var i = 0; i < problem.M; i++)
        {
            var row = new Span<float>(problem.C + (i * problem.Ldc), problem.N);
            if (problem.Beta == 0f)
            {
                row.Clear();
            }
            else if (problem.Beta != 1f)
            {
                foreach (ref var value in row)
                {
                    value *= problem.Beta;
                }
            }
        }
    }

    private static void ValidateShape(
        bool transposeA, bool transposeB, int m, int n, int k, int lda, int ldb, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireStride(lda, transposeA ? m : k, nameof(lda));
        RequireStride(ldb, transposeB ? k : n, nameof(ldb));
        RequireStride(ldc, n, nameof(ldc));
    }

    private static void RequireStride(int stride, int width, string name)
    {
        if (stride < Math.Max(1, width))
        {
            throw new ArgumentOutOfRangeException(
                name, stride, $"Row stride {name} = {stride} is less than the stored row width {width} (and at least 1).");
        }
    }

    private static void RequireLength(int length, int rows, int width, int stride, string name)
    {
        var needed = rows == 0 || width == 0 ? 0 : ((long)(rows - 1) * stride) + width;
        if (length < needed)
        {
            throw new ArgumentException(
                $"Matrix {name} has {length} elements; {rows} rows of width {width} at stride {stride} need {needed}.",
                name);
        }
    }

    private static void RequireAddress(float* pointer, bool needed, string name)
    {
        if (needed && pointer == null)
        {
            throw new ArgumentNullException(name, $"Matrix {name} is null but has a non-empty shape.");
        }
    }
}
