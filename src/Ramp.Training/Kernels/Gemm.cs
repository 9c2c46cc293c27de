// General matrix multiply on row-major float32 matrices: the one entry point every layer calls.
// Convention: C[m,n] = alpha * op(A)[m,k] * op(B)[k,n] + beta * C[m,n], where op(X) is X or its transpose.
// A is stored (m,k) with row stride lda when not transposed, (k,m) when transposed; likewise B.
namespace Ramp.Training.Kernels;

/// <summary>Row-major single-precision matrix multiply, dispatched to the selected kernel variant.</summary>
public static class Gemm
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
        => GemmReference.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, alpha, beta);
}
