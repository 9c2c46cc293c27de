// Attention of one query position over a row's cached keys and values, the inner step of incremental
// decoding: for each head h (width hs = C / nh), weights = softmax(q_h · K_hᵀ / sqrt(hs)) over the first
// keyCount keys, output_h = Σ_j weights_j · V_j,h. The same computation as Layers/Attention with Tq = 1 and
// no dropout; with a single query the per-head products are dot products, so direct loops replace the GEMM
// calls whose set-up would cost more than the arithmetic.
using System.Numerics.Tensors;
using Ramp.Training.Layers;

namespace Ramp.Training.Decoding;

/// <summary>Multi-head attention of a single query over a prefix of keys.</summary>
internal static class SingleQueryAttention
{
    // query (C), keys and values (at least keyCount rows of C), weights scratch (keyCount), output (C).
    public static void Forward(
        ReadOnlySpan<float> query, ReadOnlySpan<float> keys, ReadOnlySpan<float> values, int keyCount, int channels, int headCount,
        Span<float> weights, Span<float> output)
    {
        var headSize = channels / headCount;
        var scale = 1f / MathF.Sqrt(headSize);
        var headWeights = weights[..keyCount];
        for (var h = 0; h < headCount; h++)
        {
            var offset = h * headSize;
            var headQuery = query.Slice(offset, headSize);
            for (var j = 0; j < keyCount; j++)
            {
                headWeights[j] = TensorPrimitives.Dot(headQuery, keys.Slice((j * channels) + offset, headSize)) * scale;
            }

            VectorMath.Softmax(headWeights, headWeights);
            var headOutput = output.Slice(offset, headSize);
            headOutput.Clear();
            for (var j = 0; j < keyCount; j++)
            {
                TensorPrimitives.MultiplyAdd(values.Slice((j * channels) + offset, headSize), headWeights[j], headOutput, headOutput);
            }
        }
    }
}
