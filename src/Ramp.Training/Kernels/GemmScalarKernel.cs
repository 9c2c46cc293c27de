// Scalar 4x4 micro-kernel: the fallback when no vector unit is usable. Plain float arithmetic, with the
// sixteen sums of the tile in locals so that they stay in registers; the blocking is the same as for
// the vector kernels, so the scalar variant is still cache friendly.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Kernels;

/// <summary>4x4 scalar micro-kernel.</summary>
internal readonly unsafe struct GemmScalarKernel : IGemmMicroKernel
{
    public static int Rows => 4;

    public static int Columns => 4;

    public static int RowBlock => 128;

    public static int DepthBlock => 256;

    public static int ColumnBlock => 2048;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* packedA, float* packedB, float* c, nint ldc, float beta)
    {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (var p = 0; p < depth; p++)
        {
            float b0 = packedB[0], b1 = packedB[1], b2 = packedB[2], b3 = packedB[3];
            var a = packedA[0];
            c00 += a * b0;
            c01 += a * b1;
            c02 += a * b2;
            c03 += a * b3;
            a = packedA[1];
            c10 += a * b0;
            c11 += a * b1;
            c12 += a * b2;
            c13 += a * b3;
            a = packedA[2];
            c20 += a * b0;
            c21 += a * b1;
            c22 += a * b2;
            c23 += a * b3;
            a = packedA[3];
            c30 += a * b0;
            c31 += a * b1;
            c32 += a * b2;
            c33 += a * b3;
            packedA += 4;
            packedB += 4;
        }

        StoreRow(c, c00, c01, c02, c03, beta);
        StoreRow(c + ldc, c10, c11, c12, c13, beta);
        StoreRow(c + (2 * ldc), c20, c21, c22, c23, beta);
        StoreRow(c + (3 * ldc), c30, c31, c32, c33, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, float s0, float s1, float s2, float s3, float beta)
    {
        if (beta != 0f)
        {
            s0 += beta * row[0];
            s1 += beta * row[1];
            s2 += beta * row[2];
            s3 += beta * row[3];
        }

        row[0] = s0;
        row[1] = s1;
        row[2] = s2;
        row[3] = s3;
    }
}
