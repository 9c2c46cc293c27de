// Fully connected layer in PyTorch's layout: weight (out, in), output = input · weightᵀ + bias.
// Both products go through Gemm, which absorbs the transposes in its packing.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics.Tensors;
using Ramp.Training.Kernels;

namespace Ramp.Training.Layers;

/// <summary>Affine map y = x·Wᵀ + b over the last dimension, and its backward.</summary>
public static class Linear
{
    /// <summary>Computes <c>output = input · weightᵀ + bias</c>.</summary>
    /// <param name="input">Input (N, I), N rows (B * T) of I features.</param>
    /// <param name="weight">Weight (O, I).</param>
    /// <param name="bias">Bias (O), or empty for none.</param>
    /// <param name="rowCount">N.</param>
    /// <param name="inputChannels">I.</param>
    /// <param name="outputChannels">O.</param>
    /// <param name="output">Output (N, O).</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Forward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        int rowCount, int inputChannels, int outputChannels,
        Span<float> output)
    {
        Check(rowCount, inputChannels, outputChannels);
        Shapes.Length(input, (long)rowCount * inputChannels);
        Shapes.Length(weight, (long)outputChannels * inputChannels);
        Shapes.LengthOrEmpty(bias, outputChannels);
        Shapes.Length(output, (long)rowCount * outputChannels);
        if (rowCount == 0)
        {
            return;
        }

        Gemm.Multiply(false, true, rowCount, outputChannels, inputChannels, input, inputChannels, weight, inputChannels, output, outputChannels);
        if (!bias.IsEmpty)
        {
            for (var n = 0; n < rowCount; n++)
            {
                var row = output.Slice(n * outputChannels, outputChannels);
                TensorPrimitives.Add(row, bias, row);
            }
        }
    }

    /// <summary>Accumulates the gradients of input, weight and bias.</summary>
    /// <param name="outputGradient">Gradient of the output (N, O).</param>
    /// <param name="input">Input (N, I) given to <see cref="Forward"/>.</param>
    /// <param name="weight">Weight (O, I).</param>
    /// <param name="rowCount">N.</param>
    /// <param name="inputChannels">I.</param>
    /// <param name="outputChannels">O.</param>
    /// <param name="inputGradient">Gradient of the input (N, I), accumulated: += outputGradient · weight; or empty.</param>
    /// <param name="weightGradient">Gradient of the weight (O, I), accumulated: += outputGradientᵀ · input; or empty.</param>
    /// <param name="biasGradient">Gradient of the bias (O), accumulated: += column sums of outputGradient; or empty.</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        int rowCount, int inputChannels, int outputChannels,
        Span<float> inputGradient, Span<float> weightGradient, Span<float> biasGradient)
    {
        Check(rowCount, inputChannels, outputChannels);
        Shapes.Length(outputGradient, (long)rowCount * outputChannels);
        Shapes.Length(input, (long)rowCount * inputChannels);
        Shapes.Length(weight, (long)outputChannels * inputChannels);
        Shapes.LengthOrEmpty(inputGradient, (long)rowCount * inputChannels);
        Shapes.LengthOrEmpty(weightGradient, (long)outputChannels * inputChannels);
        Shapes.LengthOrEmpty(biasGradient, outputChannels);
        if (rowCount == 0)
        {
            return;
        }

        if (!inputGradient.IsEmpty)
        {
            Gemm.Multiply(false, false, rowCount, inputChannels, outputChannels, outputGradient, outputChannels, weight, inputChannels, inputGradient, inputChannels, beta: 1f);
        }

        if (!weightGradient.IsEmpty)
        {
            Gemm.Multiply(true, false, outputChannels, inputChannels, rowCount, outputGradient, outputChannels, input, inputChannels, weightGradient, inputChannels, beta: 1f);
        }

        if (!biasGradient.IsEmpty)
        {
            for (var n = 0; n < rowCount; n++)
            {
                TensorPrimitives.Add(biasGradient, outputGradient.Slice(n * outputChannels, outputChannels), biasGradient);
            }
        }
    }

    private static void Check(int rowCount, int inputChannels, int outputChannels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(inputChannels);
        Shapes.Positive(outputChannels);
    }
}
