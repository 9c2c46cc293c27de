// Residual connection, output = input + branch; the gradient flows unchanged into both.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics.Tensors;

namespace Ramp.Training.Layers;

/// <summary>Element-wise sum of a skip path and a branch, and its backward.</summary>
public static class Residual
{
    /// <summary>Computes <c>output = input + branch</c>.</summary>
    /// <param name="input">Skip path (any shape, L elements).</param>
    /// <param name="branch">Branch output (L).</param>
    /// <param name="output">Sum (L); may be the same memory as either source.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> branch, Span<float> output)
    {
        Shapes.Length(branch, input.Length);
        Shapes.Length(output, input.Length);
        TensorPrimitives.Add(input, branch, output);
    }

    /// <summary>Accumulates <paramref name="outputGradient"/> into both gradients.</summary>
    /// <param name="outputGradient">Gradient of the sum (L).</param>
    /// <param name="inputGradient">Gradient of the skip path (L), accumulated; or empty.</param>
    /// <param name="branchGradient">Gradient of the branch (L), accumulated; or empty.</param>
    /// <exception cref="ArgumentException">A span does not match.</exception>
    public static void Backward(ReadOnlySpan<float> outputGradient, Span<float> inputGradient, Span<float> branchGradient)
    {
        Shapes.LengthOrEmpty(inputGradient, outputGradient.Length);
        Shapes.LengthOrEmpty(branchGradient, outputGradient.Length);
        if (!inputGradient.IsEmpty)
        {
            TensorPrimitives.Add(inputGradient, outputGradient, inputGradient);
        }

        if (!branchGradient.IsEmpty)
        {
            TensorPrimitives.Add(branchGradient, outputGradient, branchGradient);
        }
    }
}
