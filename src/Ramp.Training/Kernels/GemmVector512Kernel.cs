// AVX-512 micro-kernel: a 6x32 tile of C in twelve 512-bit accumulators (of thirty-two registers), fed
// per step of k by two loads of packed B and six broadcasts of packed A. Where Vector512 is not accelerated
// .NET emulates it (as two 256-bit halves); the variant is then correct but slower than Vector256.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ramp.Training.Kernels;

/// <summary>6x32 Vector512 micro-kernel.</summary>
internal readonly unsafe struct GemmVector512Kernel : IGemmMicroKernel
{
    public static int Rows => 6;

    public static int Columns => 32;

    public static int RowBlock => 144;

    public static int DepthBlock => 192;

    public static int ColumnBlock => 4096;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* packedA, float* packedB, float* c, nint ldc, float beta)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (Sse.IsSupported)
        {
            // C's rows are read and written only after the loop: start fetching them now.
            for (var i = 0; i < 6; i++)
            {
                Sse.Prefetch0(c + (i * ldc));
                Sse.Prefetch0(c + (i * ldc) + 31);
            }
        }

        for (var p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(packedB);
            var b1 = Vector512.Load(packedB + 16);
            var a = Vector512.Create(packedA[0]);
            c00 = Vector512.FusedMultiplyAdd(a, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(packedA[1]);
            c10 = Vector512.FusedMultiplyAdd(a, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(packedA[2]);
            c20 = Vector512.FusedMultiplyAdd(a, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(packedA[3]);
            c30 = Vector512.FusedMultiplyAdd(a, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(packedA[4]);
            c40 = Vector512.FusedMultiplyAdd(a, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(packedA[5]);
            c50 = Vector512.FusedMultiplyAdd(a, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a, b1, c51);
            packedA += 6;
            packedB += 32;
        }

        StoreRow(c, c00, c01, beta);
        StoreRow(c + ldc, c10, c11, beta);
        StoreRow(c + (2 * ldc), c20, c21, beta);
        StoreRow(c + (3 * ldc), c30, c31, beta);
        StoreRow(c + (4 * ldc), c40, c41, beta);
        StoreRow(c + (5 * ldc), c50, c51, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, Vector512<float> left, Vector512<float> right, float beta)
    {
        if (beta != 0f)
        {
            var scale = Vector512.Create(beta);
            left = Vector512.FusedMultiplyAdd(scale, Vector512.Load(row), left);
            right = Vector512.FusedMultiplyAdd(scale, Vector512.Load(row + 16), right);
        }

        Vector512.Store(left, row);
        Vector512.Store(right, row + 16);
    }
}
