// AVX2 + FMA micro-kernel: a 6x16 tile of C in twelve 256-bit accumulators (of sixteen registers), fed
// per step of k by two loads of packed B and six broadcasts of packed A.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ramp.Training.Kernels;

/// <summary>6x16 Vector256 micro-kernel.</summary>
internal readonly unsafe struct GemmVector256Kernel : IGemmMicroKernel
{
    public static int Rows => 6;

    public static int Columns => 16;

    public static int RowBlock => 144;

    public static int DepthBlock => 256;

    public static int ColumnBlock => 4096;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* packedA, float* packedB, float* c, nint ldc, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (Sse.IsSupported)
        {
            // C's rows are read and written only after the loop: start fetching them now.
            for (var i = 0; i < 6; i++)
            {
                Sse.Prefetch0(c + (i * ldc));
                Sse.Prefetch0(c + (i * ldc) + 15);
            }
        }

        for (var p = 0; p < depth; p++)
        {
            var b0 = Vector256.Load(packedB);
            var b1 = Vector256.Load(packedB + 8);
            var a = Vector256.Create(packedA[0]);
            c00 = Vector256.FusedMultiplyAdd(a, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a, b1, c01);
            a = Vector256.Create(packedA[1]);
            c10 = Vector256.FusedMultiplyAdd(a, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a, b1, c11);
            a = Vector256.Create(packedA[2]);
            c20 = Vector256.FusedMultiplyAdd(a, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a, b1, c21);
            a = Vector256.Create(packedA[3]);
            c30 = Vector256.FusedMultiplyAdd(a, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a, b1, c31);
            a = Vector256.Create(packedA[4]);
            c40 = Vector256.FusedMultiplyAdd(a, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a, b1, c41);
            a = Vector256.Create(packedA[5]);
            c50 = Vector256.FusedMultiplyAdd(a, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a, b1, c51);
            packedA += 6;
            packedB += 16;
        }

        StoreRow(c, c00, c01, beta);
        StoreRow(c + ldc, c10, c11, beta);
        StoreRow(c + (2 * ldc), c20, c21, beta);
        StoreRow(c + (3 * ldc), c30, c31, beta);
        StoreRow(c + (4 * ldc), c40, c41, beta);
        StoreRow(c + (5 * ldc), c50, c51, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, Vector256<float> left, Vector256<float> right, float beta)
    {
        if (beta != 0f)
        {
            var scale = Vector256.Create(beta);
            left = Vector256.FusedMultiplyAdd(scale, Vector256.Load(row), left);
            right = Vector256.FusedMultiplyAdd(scale, Vector256.Load(row + 8), right);
        }

        Vector256.Store(left, row);
        Vector256.Store(right, row + 8);
    }
}
