// One GEMM call as the kernels see it: pointers, sizes and strides after validation, in the convention of
// Gemm (row-major, C = alpha * op(A) * op(B) + beta * C).
namespace Ramp.Training.Kernels;

/// <summary>The operands of one validated GEMM call.</summary>
internal unsafe struct GemmProblem
{
    public bool TransposeA;
    public bool TransposeB;
    public int M;
    public int N;
    public int K;
    public float* A;
    public nint Lda;
    public float* B;
    public nint Ldb;
    public float* C;
    public nint Ldc;
    public float Alpha;
    public float Beta;
}
