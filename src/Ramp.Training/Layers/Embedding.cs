// Token embedding: output row n is table row tokens[n], times a scale (the Transformer paper multiplies
// embeddings by sqrt(d_model); pass 1 for a plain lookup). Table layout (V, C) as PyTorch's nn.Embedding.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward ADDS (+=) into every gradient it is given, so that shared parameters and residual
// branches sum without extra passes (the caller zeroes gradients once per step); an empty gradient span
// means that gradient is not wanted.
using System.Numerics.Tensors;

namespace Ramp.Training.Layers;

/// <summary>Token embedding lookup with an optional scale, and its scatter-add backward.</summary>
public static class Embedding
{
    /// <summary>The Transformer paper's embedding scale, sqrt(d_model).</summary>
    /// <param name="channels">Model width d_model.</param>
    public static float TransformerScale(int channels) => MathF.Sqrt(channels);

    /// <summary>Looks up one table row per token and multiplies it by <paramref name="scale"/>.</summary>
    /// <param name="tokens">Token ids (N), each in [0, V).</param>
    /// <param name="table">Embedding table (V, C).</param>
    /// <param name="tokenCount">N, the number of tokens (B * T).</param>
    /// <param name="vocabularySize">V, rows of the table.</param>
    /// <param name="channels">C, the embedding width.</param>
    /// <param name="scale">Multiplier of every looked-up row: 1, or <see cref="TransformerScale"/>.</param>
    /// <param name="output">Embeddings (N, C).</param>
    /// <exception cref="ArgumentException">A span does not match its shape or a token id is out of range.</exception>
    public static void Forward(
        ReadOnlySpan<int> tokens, ReadOnlySpan<float> table,
        int tokenCount, int vocabularySize, int channels, float scale,
        Span<float> output)
    {
        Check(tokens, tokenCount, vocabularySize, channels);
        Shapes.Length(table, (long)vocabularySize * channels);
        Shapes.Length(output, (long)tokenCount * channels);

        for (var n = 0; n < tokenCount; n++)
        {
            var row = table.Slice(tokens[n] * channels, channels);
            TensorPrimitives.Multiply(row, scale, output.Slice(n * channels, channels));
        }
    }

    /// <summary>Adds <c>scale * outputGradient[n]</c> to the table row of each token, except the padding row.</summary>
    /// <param name="outputGradient">Gradient of the embeddings (N, C).</param>
    /// <param name="tokens">Token ids (N) given to <see cref="Forward"/>.</param>
    /// <param name="tokenCount">N, the number of tokens.</param>
    /// <param name="vocabularySize">V, rows of the table.</param>
    /// <param name="channels">C, the embedding width.</param>
    /// <param name="scale">The scale given to <see cref="Forward"/>.</param>
    /// <param name="paddingIndex">A token id whose row gets no gradient (PyTorch's padding_idx), or -1 for none.</param>
    /// <param name="tableGradient">Gradient of the table (V, C), accumulated.</param>
    /// <exception cref="ArgumentException">A span does not match its shape or a token id is out of range.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<int> tokens,
        int tokenCount, int vocabularySize, int channels, float scale, int paddingIndex,
        Span<float> tableGradient)
    {
        Check(tokens, tokenCount, vocabularySize, channels);
        Shapes.Length(outputGradient, (long)tokenCount * channels);
        Shapes.Length(tableGradient, (long)vocabularySize * channels);
        if (paddingIndex < -1 || paddingIndex >= vocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(paddingIndex), paddingIndex, $"Expected -1 (none) or a token id in [0, {vocabularySize}).");
        }

        for (var n = 0; n < tokenCount; n++)
        {
            if (tokens[n] == paddingIndex)
            {
                continue;
            }

            var row = tableGradient.Slice(tokens[n] * channels, channels);
            TensorPrimitives.MultiplyAdd(outputGradient.Slice(n * channels, channels), scale, row, row);
        }
    }

    private static void Check(ReadOnlySpan<int> tokens, int tokenCount, int vocabularySize, int channels)
    {
        Shapes.Positive(vocabularySize);
        Shapes.Positive(channels);
        Shapes.Length(tokens, tokenCount);
        foreach (var token in tokens)
        {
            if ((uint)token >= (uint)vocabularySize)
            {
                throw new ArgumentException($"Token id {token} is outside the vocabulary [0, {vocabularySize}).", nameof(tokens));
            }
        }
    }
}
