// Row-wise softmax over the last dimension, numerically stable (the row maximum is subtracted before exp).
// A row that is entirely -infinity (fully masked) gives zeros, not NaN.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
namespace Ramp.Training.Layers;

/// <summary>Softmax over each row of an (N, C) matrix, and its backward.</summary>
public static class Softmax
{
    /// <summary>Computes <c>output[n] = exp(input[n] - max) / sum(exp(input[n] - max))</c> for every row.</summary>
    /// <param name="input">Input (N, C); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="rowCount">N.</param>
    /// <param name="columnCount">C.</param>
    /// <param name="output">Output (N, C); each row sums to 1 (or is all zero when fully masked).</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Forward(ReadOnlySpan<float> input, int rowCount, int columnCount, Span<float> output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(columnCount);
        Shapes.Length(input, (long)rowCount * columnCount);
        Shapes.Length(output, (long)rowCount * columnCount);
        for (var n = 0; n < rowCount; n++)
        {
            VectorMath.Softmax(input.Slice(n * columnCount, columnCount), output.Slice(n * columnCount, columnCount));
        }
    }

    /// <summary>Accumulates <c>inputGradient += output * (outputGradient - dot(outputGradient, output))</c> per row.</summary>
    /// <param name="outputGradient">Gradient of the output (N, C).</param>
    /// <param name="output">Output (N, C) of <see cref="Forward"/>.</param>
    /// <param name="rowCount">N.</param>
    /// <param name="columnCount">C.</param>
    /// <param name="inputGradient">Gradient of the input (N, C), accumulated.</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> output, int rowCount, int columnCount, Span<float> inputGradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(columnCount);
        Shapes.Length(outputGradient, (long)rowCount * columnCount);
        Shapes.Length(output, (long)rowCount * columnCount);
        Shapes.Length(inputGradient, (long)rowCount * columnCount);
        for (var n = 0; n < rowCount; n++)
        {
            var row = n * columnCount;
            VectorMath.SoftmaxBackward(
                outputGradient.Slice(row, columnCount), output.Slice(row, columnCount), 1f, true, inputGradient.Slice(row, columnCount));
        }
    }
}
