// Positional encodings added to token embeddings: output[b, t] = input[b, t] + table[t]. The table is either
// the fixed sinusoidal one of the Transformer paper (FillSinusoidal; no gradient) or a learned parameter
// (P, C) with P >= T (its gradient from Backward). To start at position s, pass table.Slice(s * C).
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics.Tensors;

namespace Ramp.Training.Layers;

/// <summary>Sinusoidal and learned position tables, added to a (B, T, C) input.</summary>
public static class Positions
{
    /// <summary>
    /// Writes the Transformer paper's sinusoidal table, interleaved as in the paper:
    /// PE[p, 2i] = sin(p / 10000^(2i/C)) and PE[p, 2i+1] = cos(p / 10000^(2i/C)), computed in double precision.
    /// </summary>
    /// <param name="positionCount">P, the number of positions (rows).</param>
    /// <param name="channels">C, the model width (an odd C ends with a sine column).</param>
    /// <param name="table">Table (P, C) to overwrite.</param>
    /// <exception cref="ArgumentException">A size is not positive or the table does not match (P, C).</exception>
    public static void FillSinusoidal(int positionCount, int channels, Span<float> table)
    {
        Shapes.Positive(positionCount);
        Shapes.Positive(channels);
        Shapes.Length(table, (long)positionCount * channels);

        for (var c = 0; c < channels; c += 2)
        {
            var frequency = Math.Pow(10000.0, -(double)c / channels);
            for (var p = 0; p < positionCount; p++)
            {
                var (sine, cosine) = Math.SinCos(p * frequency);
                table[(p * channels) + c] = (float)sine;
                if (c + 1 < channels)
                {
                    table[(p * channels) + c + 1] = (float)cosine;
                }
            }
        }
    }

    /// <summary>Adds row t of the table to every position t of the input.</summary>
    /// <param name="input">Embeddings (B, T, C); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="table">Position table (P, C) with P at least T; only its first T rows are read.</param>
    /// <param name="batchSize">B.</param>
    /// <param name="sequenceLength">T.</param>
    /// <param name="channels">C.</param>
    /// <param name="output">Input plus positions (B, T, C).</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Forward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> table,
        int batchSize, int sequenceLength, int channels,
        Span<float> output)
    {
        Check(batchSize, sequenceLength, channels);
        var size = (long)batchSize * sequenceLength * channels;
        Shapes.Length(input, size);
        Shapes.Length(output, size);
        Shapes.AtLeast(table, (long)sequenceLength * channels);

        var plane = sequenceLength * channels;
        for (var b = 0; b < batchSize; b++)
        {
            TensorPrimitives.Add(input.Slice(b * plane, plane), table[..plane], output.Slice(b * plane, plane));
        }
    }

    /// <summary>Passes the gradient to the input and, for a learned table, sums it over the batch into the table.</summary>
    /// <param name="outputGradient">Gradient of the output (B, T, C).</param>
    /// <param name="batchSize">B.</param>
    /// <param name="sequenceLength">T.</param>
    /// <param name="channels">C.</param>
    /// <param name="inputGradient">Gradient of the input (B, T, C), accumulated; or empty.</param>
    /// <param name="tableGradient">Gradient of a learned table (P, C) with P at least T, accumulated into its first
    /// T rows; empty for the fixed sinusoidal table.</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient,
        int batchSize, int sequenceLength, int channels,
        Span<float> inputGradient, Span<float> tableGradient)
    {
        Check(batchSize, sequenceLength, channels);
        var size = (long)batchSize * sequenceLength * channels;
        Shapes.Length(outputGradient, size);
        Shapes.LengthOrEmpty(inputGradient, size);
        if (!tableGradient.IsEmpty)
        {
            Shapes.AtLeast(tableGradient, (long)sequenceLength * channels);
        }

        if (!inputGradient.IsEmpty)
        {
            TensorPrimitives.Add(inputGradient, outputGradient, inputGradient);
        }

        if (!tableGradient.IsEmpty)
        {
            var plane = sequenceLength * channels;
            var rows = tableGradient[..plane];
            for (var b = 0; b < batchSize; b++)
            {
                TensorPrimitives.Add(rows, outputGradient.Slice(b * plane, plane), rows);
            }
        }
    }

    private static void Check(int batchSize, int sequenceLength, int channels)
    {
        Shapes.Positive(batchSize);
        Shapes.Positive(sequenceLength);
        Shapes.Positive(channels);
    }
}
