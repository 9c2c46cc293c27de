// Scalar 4x4 micro-kernel: the fallback when no vector unit is usable. Plain loops over a stack tile;
// the blocking is the same as for the vector kernels, so the scalar variant is still cache friendly.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Kernels;

/// <summary>4x4 plain-loop micro-kernel.</summary>
internal readonly unsafe struct GemmScalarKernel : IGemmMicroKernel
{
    private const int TileRows = 4;
    private const int TileColumns = 4;

    public static int Rows => TileRows;

    public static int Columns => TileColumns;

    public static int RowBlock => 128;

    public static int DepthBlock => 256;

    public static int ColumnBlock => 2048;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Multiply(int depth, float* packedA, float* packedB, float* c, nint ldc, float beta)
    {
        var tile = stackalloc float[TileRows * TileColumns];
        for (var t = 0; t < TileRows * TileColumns; t++)
        {
            tile[t] = 0f;
        }

        for (var p = 0; p < depth; p++)
        {
            for (var i = 0; i < TileRows; i++)
            {
                var x = packedA[i];
                for (var j = 0; j < TileColumns; j++)
                {
                    tile[(i * TileColumns) + j] += x * packedB[j];
                }
            }

            packedA += TileRows;
            packedB += TileColumns;
        }

        for (var i = 0; i < TileRows; i++)
        {
            var row = c + (i * ldc);
            for (var j = 0; j < TileColumns; j++)
            {
                var sum = tile[(i * TileColumns) + j];
                row[j] = beta == 0f ? sum : sum + (beta * row[j]);
            }
        }
    }
}
