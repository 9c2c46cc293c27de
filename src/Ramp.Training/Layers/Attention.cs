// The core of multi-head attention, between the input and output projections (those are Linear layers):
// for each batch row b and head h, with hs = C / nh and the head's columns [h·hs, (h+1)·hs) of Q, K, V,
//     weights = softmax(Q_bh · K_bhᵀ / sqrt(hs) + mask)    (Tq, Tk), kept for the backward pass
//     output_bh = dropout(weights) · V_bh                   (Tq, hs), written into the head's columns
// which is what PyTorch's nn.MultiheadAttention computes between its in_proj and out_proj.
// Masks: causal (query i sees keys j <= i, PyTorch's upper-triangular -inf attn_mask) and key padding as
// valid key lengths per batch row (keys j >= length[b] are masked, PyTorch's key_padding_mask). Masked keys
// are skipped rather than set to -inf, so the products only span valid keys, and a query with no visible
// key gets zero weights and a zero output instead of NaN.
// Products per head go through Gemm on strided views of the (B, T, C) tensors; no head transposes.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics.Tensors;
using Ramp.Training.Kernels;

namespace Ramp.Training.Layers;

/// <summary>Scaled dot-product attention over several heads (self, causal or cross), and its backward.</summary>
public static class Attention
{
    /// <summary>The scratch length that <see cref="Forward"/> and <see cref="Backward"/> need: 2 · Tq · Tk.</summary>
    /// <param name="queryLength">Tq.</param>
    /// <param name="keyLength">Tk.</param>
    public static int ScratchLength(int queryLength, int keyLength) => 2 * queryLength * keyLength;

    /// <summary>Computes the attention weights and the attended values of every head.</summary>
    /// <param name="query">Queries (B, Tq, C), already projected.</param>
    /// <param name="key">Keys (B, Tk, C), already projected.</param>
    /// <param name="value">Values (B, Tk, C), already projected.</param>
    /// <param name="keyLengths">Valid keys per batch row (B), each in [0, Tk]; empty when all Tk keys are valid.</param>
    /// <param name="dropoutMask">Dropout mask on the weights (B, nh, Tq, Tk) from <see cref="Dropout.FillMask"/>;
    /// empty for no dropout (evaluation).</param>
    /// <param name="batchSize">B.</param>
    /// <param name="queryLength">Tq.</param>
    /// <param name="keyLength">Tk (equal to Tq for self-attention).</param>
    /// <param name="channels">C, a multiple of the head count.</param>
    /// <param name="headCount">nh.</param>
    /// <param name="causal">Whether query i may only see keys j &lt;= i.</param>
    /// <param name="weights">Softmax weights before dropout (B, nh, Tq, Tk), zero at masked keys; keep for <see cref="Backward"/>.</param>
    /// <param name="scratch">Work space of at least <see cref="ScratchLength"/> elements.</param>
    /// <param name="output">Attended values (B, Tq, C), heads side by side.</param>
    /// <exception cref="ArgumentException">A span does not match its shape or a key length is out of range.</exception>
    public static void Forward(
        ReadOnlySpan<float> query, ReadOnlySpan<float> key, ReadOnlySpan<float> value,
        ReadOnlySpan<int> keyLengths, ReadOnlySpan<float> dropoutMask,
        int batchSize, int queryLength, int keyLength, int channels, int headCount, bool causal,
        Span<float> weights, Span<float> scratch, Span<float> output)
    {
        Check(query, key, value, keyLengths, dropoutMask, batchSize, queryLength, keyLength, channels, headCount, weights, scratch);
        Shapes.Length(output, (long)batchSize * queryLength * channels);

        var headSize = channels / headCount;
        var scale = 1f / MathF.Sqrt(headSize);
        var plane = queryLength * keyLength;
        for (var b = 0; b < batchSize; b++)
        {
            var validKeys = keyLengths.IsEmpty ? keyLength : keyLengths[b];
            for (var h = 0; h < headCount; h++)
            {
                var head = (b * headCount) + h;
                var queryOffset = (b * queryLength * channels) + (h * headSize);
                var keyOffset = (b * keyLength * channels) + (h * headSize);
                var headWeights = weights.Slice(head * plane, plane);
                var headOutput = Strided(output, queryOffset, queryLength, headSize, channels);
                if (validKeys == 0)
                {
                    headWeights.Clear();
                    for (var i = 0; i < queryLength; i++)
                    {
                        headOutput.Slice(i * channels, headSize).Clear();
                    }

                    continue;
                }

                Gemm.Multiply(
                    false, true, queryLength, validKeys, headSize,
                    Strided(query, queryOffset, queryLength, headSize, channels), channels,
                    Strided(key, keyOffset, validKeys, headSize, channels), channels,
                    headWeights, keyLength, alpha: scale);
                for (var i = 0; i < queryLength; i++)
                {
                    var row = headWeights.Slice(i * keyLength, keyLength);
                    var visible = VisibleKeys(i, validKeys, causal);
                    VectorMath.Softmax(row[..visible], row[..visible]);
                    row[visible..].Clear();
                }

                ReadOnlySpan<float> probabilities = headWeights;
                if (!dropoutMask.IsEmpty)
                {
                    var dropped = scratch[..plane];
                    TensorPrimitives.Multiply(headWeights, dropoutMask.Slice(head * plane, plane), dropped);
                    probabilities = dropped;
                }

                Gemm.Multiply(
                    false, false, queryLength, headSize, validKeys,
                    probabilities, keyLength,
                    Strided(value, keyOffset, validKeys, headSize, channels), channels,
                    headOutput, channels);
            }
        }
    }

    /// <summary>Accumulates the gradients of queries, keys and values.</summary>
    /// <param name="outputGradient">Gradient of the output (B, Tq, C).</param>
    /// <param name="query">Queries (B, Tq, C) given to <see cref="Forward"/>.</param>
    /// <param name="key">Keys (B, Tk, C) given to <see cref="Forward"/>.</param>
    /// <param name="value">Values (B, Tk, C) given to <see cref="Forward"/>.</param>
    /// <param name="weights">Weights (B, nh, Tq, Tk) written by <see cref="Forward"/>.</param>
    /// <param name="keyLengths">The key lengths (B) given to <see cref="Forward"/>, or empty.</param>
    /// <param name="dropoutMask">The dropout mask (B, nh, Tq, Tk) given to <see cref="Forward"/>, or empty.</param>
    /// <param name="batchSize">B.</param>
    /// <param name="queryLength">Tq.</param>
    /// <param name="keyLength">Tk.</param>
    /// <param name="channels">C.</param>
    /// <param name="headCount">nh.</param>
    /// <param name="causal">The causal flag given to <see cref="Forward"/>.</param>
    /// <param name="scratch">Work space of at least <see cref="ScratchLength"/> elements.</param>
    /// <param name="queryGradient">Gradient of the queries (B, Tq, C), accumulated; or empty.</param>
    /// <param name="keyGradient">Gradient of the keys (B, Tk, C), accumulated; or empty.</param>
    /// <param name="valueGradient">Gradient of the values (B, Tk, C), accumulated; or empty.</param>
    /// <exception cref="ArgumentException">A span does not match its shape or a key length is out of range.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> query, ReadOnlySpan<float> key, ReadOnlySpan<float> value,
        ReadOnlySpan<float> weights, ReadOnlySpan<int> keyLengths, ReadOnlySpan<float> dropoutMask,
        int batchSize, int queryLength, int keyLength, int channels, int headCount, bool causal,
        Span<float> scratch, Span<float> queryGradient, Span<float> keyGradient, Span<float> valueGradient)
    {
        Check(query, key, value, keyLengths, dropoutMask, batchSize, queryLength, keyLength, channels, headCount, weights, scratch);
        Shapes.Length(outputGradient, (long)batchSize * queryLength * channels);
        Shapes.LengthOrEmpty(queryGradient, (long)batchSize * queryLength * channels);
        Shapes.LengthOrEmpty(keyGradient, (long)batchSize * keyLength * channels);
        Shapes.LengthOrEmpty(valueGradient, (long)batchSize * keyLength * channels);

        var headSize = channels / headCount;
        var scale = 1f / MathF.Sqrt(headSize);
        var plane = queryLength * keyLength;
        var dropped = scratch[..plane];
        var scoreGradient = scratch.Slice(plane, plane);
        for (var b = 0; b < batchSize; b++)
        {
            var validKeys = keyLengths.IsEmpty ? keyLength : keyLengths[b];
            if (validKeys == 0)
            {
                continue;
            }

            for (var h = 0; h < headCount; h++)
            {
                var head = (b * headCount) + h;
                var queryOffset = (b * queryLength * channels) + (h * headSize);
                var keyOffset = (b * keyLength * channels) + (h * headSize);
                var headWeights = weights.Slice(head * plane, plane);
                var headMask = dropoutMask.IsEmpty ? default : dropoutMask.Slice(head * plane, plane);
                var headOutputGradient = Strided(outputGradient, queryOffset, queryLength, headSize, channels);
                var headValue = Strided(value, keyOffset, validKeys, headSize, channels);

                // dV += dropout(P)ᵀ · dO
                if (!valueGradient.IsEmpty)
                {
                    ReadOnlySpan<float> probabilities = headWeights;
                    if (!headMask.IsEmpty)
                    {
                        TensorPrimitives.Multiply(headWeights, headMask, dropped);
                        probabilities = dropped;
                    }

                    Gemm.Multiply(
                        true, false, validKeys, headSize, queryLength,
                        probabilities, keyLength, headOutputGradient, channels,
                        Strided(valueGradient, keyOffset, validKeys, headSize, channels), channels, beta: 1f);
                }

                if (queryGradient.IsEmpty && keyGradient.IsEmpty)
                {
                    continue;
                }

                // dP = dO · Vᵀ, through the dropout mask, then through softmax and the 1/sqrt(hs) scale: dS.
                Gemm.Multiply(
                    false, true, queryLength, validKeys, headSize,
                    headOutputGradient, channels, headValue, channels, scoreGradient, keyLength);
                for (var i = 0; i < queryLength; i++)
                {
                    var visible = VisibleKeys(i, validKeys, causal);
                    var row = scoreGradient.Slice(i * keyLength, validKeys);
                    var visibleRow = row[..visible];
                    if (!headMask.IsEmpty)
                    {
                        TensorPrimitives.Multiply(visibleRow, headMask.Slice(i * keyLength, visible), visibleRow);
                    }

                    VectorMath.SoftmaxBackward(visibleRow, headWeights.Slice(i * keyLength, visible), scale, false, visibleRow);
                    row[visible..].Clear();
                }

                // dQ += dS · K and dK += dSᵀ · Q
                if (!queryGradient.IsEmpty)
                {
                    Gemm.Multiply(
                        false, false, queryLength, headSize, validKeys,
                        scoreGradient, keyLength, Strided(key, keyOffset, validKeys, headSize, channels), channels,
                        Strided(queryGradient, queryOffset, queryLength, headSize, channels), channels, beta: 1f);
                }

                if (!keyGradient.IsEmpty)
                {
                    Gemm.Multiply(
                        true, false, validKeys, headSize, queryLength,
                        scoreGradient, keyLength, Strided(query, queryOffset, queryLength, headSize, channels), channels,
                        Strided(keyGradient, keyOffset, validKeys, headSize, channels), channels, beta: 1f);
                }
            }
        }
    }

    private static int VisibleKeys(int queryIndex, int validKeys, bool causal) => causal ? Math.Min(queryIndex + 1, validKeys) : validKeys;

    // The smallest span holding a (rows, columns) block with the given row stride.
    private static ReadOnlySpan<float> Strided(ReadOnlySpan<float> tensor, int offset, int rows, int columns, int stride)
        => tensor.Slice(offset, ((rows - 1) * stride) + columns);

    private static Span<float> Strided(Span<float> tensor, int offset, int rows, int columns, int stride)
        => tensor.Slice(offset, ((rows - 1) * stride) + columns);

    private static void Check(
        ReadOnlySpan<float> query, ReadOnlySpan<float> key, ReadOnlySpan<float> value,
        ReadOnlySpan<int> keyLengths, ReadOnlySpan<float> dropoutMask,
        int batchSize, int queryLength, int keyLength, int channels, int headCount,
        ReadOnlySpan<float> weights, ReadOnlySpan<float> scratch)
    {
        Shapes.Positive(batchSize);
        Shapes.Positive(queryLength);
        Shapes.Positive(keyLength);
        Shapes.Positive(channels);
        Shapes.Positive(headCount);
        if (channels % headCount != 0)
        {
            throw new ArgumentException($"channels {channels} is not a multiple of headCount {headCount}.", nameof(headCount));
        }

        Shapes.Length(query, (long)batchSize * queryLength * channels);
        Shapes.Length(key, (long)batchSize * keyLength * channels);
        Shapes.Length(value, (long)batchSize * keyLength * channels);
        var weightCount = (long)batchSize * headCount * queryLength * keyLength;
        Shapes.Length(weights, weightCount);
        Shapes.LengthOrEmpty(dropoutMask, weightCount);
        Shapes.AtLeast(scratch, 2L * queryLength * keyLength);
        Shapes.LengthOrEmpty(keyLengths, batchSize);
        foreach (var length in keyLengths)
        {
            if ((uint)length > (uint)keyLength)
            {
                throw new ArgumentException($"Key length {length} is outside [0, {keyLength}].", nameof(keyLengths));
            }
        }
    }
}
