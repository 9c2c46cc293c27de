// The scalar twin of every micro-kernel: the same computation on the same packed panels, written as
// plain loops for any tile size. Tests compare each micro-kernel with it.
namespace Ramp.Training.Kernels;

/// <summary>Plain-loop micro-kernel for any tile size; the reference for the vector micro-kernels.</summary>
internal static unsafe class GemmMicroKernelReference
{
    /// <summary>C (rows, columns) = packedA * packedB + beta * C; panels laid out as the driver packs them.</summary>
    public static void Multiply(
        int rows, int columns, int depth, float* packedA, float* packedB, float* c, nint ldc, float beta)
    {
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var sum = 0f;
                for (var p = 0; p < depth; p++)
                {
                    sum += packedA[(p * rows) + i] * packedB[(p * columns) + j];
                }

                var target = c + (i * ldc) + j;
                *target = beta == 0f ? sum : sum + (beta * *target);
            }
        }
    }
}
