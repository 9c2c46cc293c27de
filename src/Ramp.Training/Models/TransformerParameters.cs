// Where every parameter of a Transformer lives in the flat block, under the names of the PyTorch module in
// tools/fixtures/model.py (fairseq's spelling): encoder.layers.0.self_attn.q_proj.weight, ...fc1.bias,
// decoder.layers.1.encoder_attn_layer_norm.weight, decoder.output_projection.weight. Weights are (out, in).
// Order inside an attention block: q, k, v weights, then q, k, v biases, then the output projection, so
// that the key and value projections of cross-attention are one contiguous (2C, C) matrix and (2C) bias.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Models;

/// <summary>The four projections of one multi-head attention block.</summary>
internal sealed class AttentionParameters
{
    public required ParameterRange QueryWeight { get; init; }
    public required ParameterRange KeyWeight { get; init; }
    public required ParameterRange ValueWeight { get; init; }
    public required ParameterRange QueryBias { get; init; }
    public required ParameterRange KeyBias { get; init; }
    public required ParameterRange ValueBias { get; init; }
    public required ParameterRange OutputWeight { get; init; }
    public required ParameterRange OutputBias { get; init; }
}

/// <summary>Gain and shift of one layer norm.</summary>
internal readonly record struct NormParameters(ParameterRange Weight, ParameterRange Bias);

/// <summary>The two projections of a feed-forward block: fc1 (d_ff, C) and fc2 (C, d_ff).</summary>
internal readonly record struct FeedForwardParameters(ParameterRange InputWeight, ParameterRange InputBias, ParameterRange OutputWeight, ParameterRange OutputBias);

/// <summary>One encoder or decoder layer; <see cref="CrossAttention"/> is null outside an encoder-decoder's decoder.</summary>
internal sealed class LayerParameters
{
    public required AttentionParameters SelfAttention { get; init; }
    public required NormParameters SelfAttentionNorm { get; init; }
    public AttentionParameters? CrossAttention { get; init; }
    public NormParameters CrossAttentionNorm { get; init; }
    public required FeedForwardParameters FeedForward { get; init; }
    public required NormParameters FeedForwardNorm { get; init; }
}

/// <summary>Embeddings, layers and final norm of one stack.</summary>
internal sealed class StackParameters
{
    public required ParameterRange TokenEmbedding { get; init; }
    public ParameterRange PositionEmbedding { get; init; }
    public required LayerParameters[] Layers { get; init; }
    public NormParameters FinalNorm { get; init; }
}

/// <summary>The layout of a whole Transformer and typed handles on its parameters.</summary>
internal sealed class TransformerParameters
{
    private readonly List<(string Name, int[] Shape, ParameterRole Kind)> _entries = [];
    private int _offset;

    public TransformerParameters(TransformerShape shape)
    {
        var c = shape.Channels;
        if (shape.Architecture == TransformerArchitecture.EncoderDecoder)
        {
            Encoder = Stack("encoder", shape, shape.SourceVocabularySize, shape.EncoderLayers, crossAttention: false);
        }

        Decoder = Stack("decoder", shape, shape.DecoderEmbeddingRows, shape.DecoderLayers, crossAttention: shape.Architecture == TransformerArchitecture.EncoderDecoder);
        OutputProjection = shape.TiedEmbeddings
            ? new ParameterRange(Decoder.TokenEmbedding.Offset + (shape.TargetEmbeddingOffset * c), shape.TargetVocabularySize * c)
            : Add("decoder.output_projection.weight", [shape.TargetVocabularySize, c], ParameterRole.LinearWeight);
        Layout = ParameterLayout.Pack(_entries);
    }

    public ParameterLayout Layout { get; }

    /// <summary>The encoder, or null for a decoder-only model.</summary>
    public StackParameters? Encoder { get; }

    public StackParameters Decoder { get; }

    /// <summary>The (target vocabulary, C) matrix of the logits: a slice of the decoder embedding when tied.</summary>
    public ParameterRange OutputProjection { get; }

    private StackParameters Stack(string prefix, TransformerShape shape, int vocabularyRows, int layerCount, bool crossAttention)
    {
        var c = shape.Channels;
        var tokens = Add($"{prefix}.embed_tokens.weight", [vocabularyRows, c], ParameterRole.TokenEmbedding);
        var positions = shape.Positions == PositionEncoding.Learned
            ? Add($"{prefix}.embed_positions.weight", [shape.MaxPositions, c], ParameterRole.PositionEmbedding)
            : default;
        var layers = new LayerParameters[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            var layer = $"{prefix}.layers.{i}";
            var selfAttention = Attention($"{layer}.self_attn", c);
            var selfAttentionNorm = Norm($"{layer}.self_attn_layer_norm", c);
            var cross = crossAttention ? Attention($"{layer}.encoder_attn", c) : null;
            var crossNorm = crossAttention ? Norm($"{layer}.encoder_attn_layer_norm", c) : default;
            var feedForward = new FeedForwardParameters(
                Add($"{layer}.fc1.weight", [shape.FeedForwardChannels, c], ParameterRole.LinearWeight),
                Add($"{layer}.fc1.bias", [shape.FeedForwardChannels], ParameterRole.Bias),
                Add($"{layer}.fc2.weight", [c, shape.FeedForwardChannels], ParameterRole.LinearWeight),
                Add($"{layer}.fc2.bias", [c], ParameterRole.Bias));
            layers[i] = new LayerParameters
            {
                SelfAttention = selfAttention,
                SelfAttentionNorm = selfAttentionNorm,
                CrossAttention = cross,
                CrossAttentionNorm = crossNorm,
                FeedForward = feedForward,
                FeedForwardNorm = Norm($"{layer}.final_layer_norm", c),
            };
        }

        return new StackParameters
        {
            TokenEmbedding = tokens,
            PositionEmbedding = positions,
            Layers = layers,
            FinalNorm = shape.Norm == NormPlacement.PreNorm ? Norm($"{prefix}.layer_norm", c) : default,
        };
    }

    private AttentionParameters Attention(string prefix, int c) => new()
    {
        QueryWeight = Add($"{prefix}.q_proj.weight", [c, c], ParameterRole.LinearWeight),
        KeyWeight = Add($"{prefix}.k_proj.weight", [c, c], ParameterRole.LinearWeight),
        ValueWeight = Add($"{prefix}.v_proj.weight", [c, c], ParameterRole.LinearWeight),
        QueryBias = Add($"{prefix}.q_proj.bias", [c], ParameterRole.Bias),
        KeyBias = Add($"{prefix}.k_proj.bias", [c], ParameterRole.Bias),
        ValueBias = Add($"{prefix}.v_proj.bias", [c], ParameterRole.Bias),
        OutputWeight = Add($"{prefix}.out_proj.weight", [c, c], ParameterRole.LinearWeight),
        OutputBias = Add($"{prefix}.out_proj.bias", [c], ParameterRole.Bias),
    };

    private NormParameters Norm(string prefix, int c) => new(
        Add($"{prefix}.weight", [c], ParameterRole.NormWeight),
        Add($"{prefix}.bias", [c], ParameterRole.NormBias));

    private ParameterRange Add(string name, int[] shape, ParameterRole kind)
    {
        _entries.Add((name, shape, kind));
        var range = new ParameterRange(_offset, shape.Aggregate(1, (count, dimension) => checked(count * dimension)));
        _offset = checked(_offset + range.Length);
        return range;
    }
}
