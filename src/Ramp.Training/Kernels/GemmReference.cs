// The slow, obvious GEMM: the reference every fast variant is tested against. Same convention as Gemm.
namespace Ramp.Training.Kernels;

/// <summary>Scalar reference GEMM with double accumulation; correct by inspection, not fast.</summary>
public static class GemmReference
{
    /// <summary>Computes <c>C = alpha * op(A) * op(B) + beta * C</c>; see <see cref="Gemm.Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, float, float)"/>.</summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float alpha = 1f, float beta = 0f)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    var x = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var y = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += (double)x * y;
                }

                var index = (i * ldc) + j;
                c[index] = beta == 0f ? (float)(alpha * sum) : (float)((alpha * sum) + (beta * c[index]));
            }
        }
    }
}
