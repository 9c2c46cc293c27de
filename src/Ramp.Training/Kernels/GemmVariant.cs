// The GEMM kernel variants. Every one computes the same thing; they differ in the vector width they use.
namespace Ramp.Training.Kernels;

/// <summary>A GEMM kernel variant; see <see cref="Gemm.Variant"/> for how one is chosen.</summary>
public enum GemmVariant
{
    /// <summary>Plain scalar loops (4x4 tile); runs anywhere.</summary>
    Scalar,

    /// <summary>256-bit vectors with fused multiply-add (6x16 tile); fast on AVX2 + FMA.</summary>
    Vector256,

    /// <summary>512-bit vectors with fused multiply-add (6x32 tile); fast on AVX-512, emulated elsewhere.</summary>
    Vector512,
}
