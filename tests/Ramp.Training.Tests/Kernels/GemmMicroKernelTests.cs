// Each micro-kernel against its plain-loop twin (GemmMicroKernelReference) on the same packed panels,
// and the packing routines against the definition of op(A) and op(B).
using Ramp.Training.Kernels;

namespace Ramp.Training.Tests.Kernels;

public sealed unsafe class GemmMicroKernelTests
{
    [Theory]
    [InlineData(1, 0f)]
    [InlineData(7, 1f)]
    [InlineData(256, 0.5f)]
    public void Scalar_kernel_matches_its_plain_loop_twin(int depth, float beta) =>
        CompareWithTwin<GemmScalarKernel>(depth, beta);

    [Theory]
    [InlineData(1, 0f)]
    [InlineData(7, 1f)]
    [InlineData(256, 0.5f)]
    public void Vector256_kernel_matches_its_plain_loop_twin(int depth, float beta) =>
        CompareWithTwin<GemmVector256Kernel>(depth, beta);

    [Theory]
    [InlineData(1, 0f)]
    [InlineData(7, 1f)]
    [InlineData(192, 0.5f)]
    public void Vector512_kernel_matches_its_plain_loop_twin(int depth, float beta) =>
        CompareWithTwin<GemmVector512Kernel>(depth, beta);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PackA_lays_out_alpha_times_op_A_in_row_panels_padded_with_zeros(bool transposeA)
    {
        const int m = 8, k = 5, lda = 11, rows = 7, depth = 4, row0 = 1, depth0 = 1, panelRows = 6;
        var a = Enumerable.Range(0, (transposeA ? k : m) * lda).Select(x => (float)x).ToArray();
        var packed = new float[2 * panelRows * depth];
        fixed (float* pa = a, destination = packed)
        {
            var problem = new GemmProblem { TransposeA = transposeA, M = m, K = k, A = pa, Lda = lda, Alpha = 2f };
            GemmPacking.PackA(problem, row0, rows, depth0, depth, panelRows, destination);
        }

        for (var i = 0; i < 2 * panelRows; i++)
        {
            for (var q = 0; q < depth; q++)
            {
                var (row, column) = (row0 + i, depth0 + q);
                var expected = i >= rows ? 0f : 2f * (transposeA ? a[(column * lda) + row] : a[(row * lda) + column]);
                var panel = i / panelRows;
                Assert.Equal(expected, packed[(panel * panelRows * depth) + (q * panelRows) + (i % panelRows)]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PackB_lays_out_op_B_in_column_panels_padded_with_zeros(bool transposeB)
    {
        const int n = 9, k = 6, ldb = 10, columns = 7, depth = 3, column0 = 2, depth0 = 2, panelColumns = 4;
        var b = Enumerable.Range(0, (transposeB ? n : k) * ldb).Select(x => (float)x).ToArray();
        var packed = new float[2 * panelColumns * depth];
        fixed (float* pb = b, destination = packed)
        {
            var problem = new GemmProblem { TransposeB = transposeB, N = n, K = k, B = pb, Ldb = ldb };
            GemmPacking.PackB(problem, depth0, depth, column0, columns, panelColumns, destination);
        }

        for (var j = 0; j < 2 * panelColumns; j++)
        {
            for (var q = 0; q < depth; q++)
            {
                var (row, column) = (depth0 + q, column0 + j);
                var expected = j >= columns ? 0f : transposeB ? b[(column * ldb) + row] : b[(row * ldb) + column];
                var panel = j / panelColumns;
                Assert.Equal(expected, packed[(panel * panelColumns * depth) + (q * panelColumns) + (j % panelColumns)]);
            }
        }
    }

    private static void CompareWithTwin<TKernel>(int depth, float beta)
        where TKernel : struct, IGemmMicroKernel
    {
        var rows = TKernel.Rows;
        var columns = TKernel.Columns;
        const int ldc = 41;
        var random = new Random(depth);
        var packedA = Enumerable.Range(0, rows * depth).Select(_ => (random.NextSingle() * 2f) - 1f).ToArray();
        var packedB = Enumerable.Range(0, columns * depth).Select(_ => (random.NextSingle() * 2f) - 1f).ToArray();
        var initial = Enumerable.Range(0, rows * ldc).Select(_ => beta == 0f ? float.NaN : random.NextSingle()).ToArray();
        var actual = (float[])initial.Clone();
        var expected = (float[])initial.Clone();
        fixed (float* a = packedA, b = packedB, c = actual, reference = expected)
        {
            TKernel.Multiply(depth, a, b, c, ldc, beta);
            GemmMicroKernelReference.Multiply(rows, columns, depth, a, b, reference, ldc, beta);
        }

        // Both sum in float32 over k in the same order; only FMA versus separate rounding differs.
        var tolerance = 2 * Math.Sqrt(depth) * Math.Pow(2, -23) * depth;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < ldc; j++)
            {
                var index = (i * ldc) + j;
                if (j >= columns)
                {
                    Assert.Equal(initial[index], actual[index]);
                }
                else
                {
                    Assert.InRange(actual[index] - expected[index], -tolerance, tolerance);
                }
            }
        }
    }
}
