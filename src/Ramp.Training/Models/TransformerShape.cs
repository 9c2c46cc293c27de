// The resolved, validated description of a Transformer: ModelConfig's strings parsed into enums, plus the
// vocabulary sizes and the options ModelConfig does not carry. Every size the model computes with comes
// from here. Vocabularies: the source and target tokenizers are separate, so an encoder-decoder has two
// embedding tables; a decoder-only model has one table of SourceVocabularySize + TargetVocabularySize rows
// (source ids as they are, target id t at row SourceVocabularySize + t) and predicts target ids only.
using Ramp.Training.Training;

namespace Ramp.Training.Models;

/// <summary>Architecture, widths, depths, vocabularies and regularisation of a Transformer.</summary>
public sealed record TransformerShape
{
    /// <summary>Encoder-decoder or decoder-only.</summary>
    public required TransformerArchitecture Architecture { get; init; }

    /// <summary>Post-LN or Pre-LN.</summary>
    public required NormPlacement Norm { get; init; }

    /// <summary>Encoder layers (0 for decoder-only).</summary>
    public required int EncoderLayers { get; init; }

    /// <summary>Decoder layers.</summary>
    public required int DecoderLayers { get; init; }

    /// <summary>Model width d_model, C.</summary>
    public required int Channels { get; init; }

    /// <summary>Attention heads; divides <see cref="Channels"/>.</summary>
    public required int HeadCount { get; init; }

    /// <summary>Width of the feed-forward hidden layer, d_ff.</summary>
    public required int FeedForwardChannels { get; init; }

    /// <summary>Drop probability after each sublayer (before the residual add) and on embeddings plus positions.</summary>
    public required float Dropout { get; init; }

    /// <summary>Drop probability on attention weights.</summary>
    public required float AttentionDropout { get; init; }

    /// <summary>ReLU or GELU.</summary>
    public required FeedForwardActivation Activation { get; init; }

    /// <summary>Whether the output projection is the target rows of the decoder's token embedding.</summary>
    public required bool TiedEmbeddings { get; init; }

    /// <summary>Source vocabulary size, including the special tokens.</summary>
    public required int SourceVocabularySize { get; init; }

    /// <summary>Target vocabulary size, including the special tokens: the classes of the output softmax.</summary>
    public required int TargetVocabularySize { get; init; }

    /// <summary>Sinusoidal or learned positions.</summary>
    public required PositionEncoding Positions { get; init; }

    /// <summary>Longest sequence accepted (rows of the position table).</summary>
    public required int MaxPositions { get; init; }

    /// <summary>Width of one attention head, C / heads.</summary>
    public int HeadChannels => Channels / HeadCount;

    /// <summary>Rows of the decoder's token embedding: target vocabulary, or source plus target for decoder-only.</summary>
    public int DecoderEmbeddingRows => Architecture == TransformerArchitecture.DecoderOnly
        ? SourceVocabularySize + TargetVocabularySize
        : TargetVocabularySize;

    /// <summary>Row of the decoder embedding where target token 0 sits: 0, or the source vocabulary size for decoder-only.</summary>
    public int TargetEmbeddingOffset => Architecture == TransformerArchitecture.DecoderOnly ? SourceVocabularySize : 0;

    /// <summary>Parses and validates <paramref name="config"/>.</summary>
    /// <param name="config">The model section of a training config.</param>
    /// <param name="sourceVocabularySize">Source vocabulary size (at least 4: the special tokens).</param>
    /// <param name="targetVocabularySize">Target vocabulary size (at least 4).</param>
    /// <exception cref="ArgumentException">A value is out of range or a name is unknown.</exception>
    public static TransformerShape FromConfig(ModelConfig config, int sourceVocabularySize, int targetVocabularySize)
    {
        ArgumentNullException.ThrowIfNull(config);
        var architecture = config.Architecture switch
        {
            "encoder_decoder" => TransformerArchitecture.EncoderDecoder,
            "decoder_only" => TransformerArchitecture.DecoderOnly,
            _ => throw new ArgumentException($"model.architecture '{config.Architecture}' is unknown; expected encoder_decoder or decoder_only.", nameof(config)),
        };
        var shape = new TransformerShape
        {
            Architecture = architecture,
            Norm = config.Norm switch
            {
                "post" => NormPlacement.PostNorm,
                "pre" => NormPlacement.PreNorm,
                _ => throw new ArgumentException($"model.norm '{config.Norm}' is unknown; expected post or pre.", nameof(config)),
            },
            EncoderLayers = architecture == TransformerArchitecture.EncoderDecoder ? config.EncoderLayers : 0,
            DecoderLayers = config.DecoderLayers,
            Channels = config.DModel,
            HeadCount = config.Heads,
            FeedForwardChannels = config.DFf,
            Dropout = (float)config.Dropout,
            AttentionDropout = (float)config.AttentionDropout,
            Activation = config.Activation switch
            {
                "relu" => FeedForwardActivation.Relu,
                "gelu" => FeedForwardActivation.Gelu,
                _ => throw new ArgumentException($"model.activation '{config.Activation}' is unknown; expected relu or gelu.", nameof(config)),
            },
            TiedEmbeddings = config.TiedEmbeddings,
            SourceVocabularySize = sourceVocabularySize,
            TargetVocabularySize = targetVocabularySize,
            Positions = config.Positions switch
            {
                "sinusoidal" => PositionEncoding.Sinusoidal,
                "learned" => PositionEncoding.Learned,
                _ => throw new ArgumentException($"model.positions '{config.Positions}' is unknown; expected sinusoidal or learned.", nameof(config)),
            },
            MaxPositions = config.MaxPositions,
        };
        shape.Validate();
        return shape;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        Require(Architecture is TransformerArchitecture.EncoderDecoder or TransformerArchitecture.DecoderOnly, nameof(Architecture), Architecture, "EncoderDecoder or DecoderOnly");
        Require(Norm is NormPlacement.PostNorm or NormPlacement.PreNorm, nameof(Norm), Norm, "PostNorm or PreNorm");
        Require(Activation is FeedForwardActivation.Relu or FeedForwardActivation.Gelu, nameof(Activation), Activation, "Relu or Gelu");
        Require(Positions is PositionEncoding.Sinusoidal or PositionEncoding.Learned, nameof(Positions), Positions, "Sinusoidal or Learned");
        if (Architecture == TransformerArchitecture.EncoderDecoder)
        {
            Require(EncoderLayers >= 1, "encoder_layers", EncoderLayers, "at least 1");
        }
        else
        {
            Require(EncoderLayers == 0, "encoder_layers", EncoderLayers, "0 for a decoder-only model");
        }

        Require(DecoderLayers >= 1, "decoder_layers", DecoderLayers, "at least 1");
        Require(Channels >= 1, "d_model", Channels, "at least 1");
        Require(HeadCount >= 1 && Channels % HeadCount == 0, "heads", HeadCount, $"a divisor of d_model {Channels}");
        Require(FeedForwardChannels >= 1, "d_ff", FeedForwardChannels, "at least 1");
        Require(Dropout is >= 0f and < 1f, "dropout", Dropout, "in [0, 1)");
        Require(AttentionDropout is >= 0f and < 1f, "attention_dropout", AttentionDropout, "in [0, 1)");
        Require(SourceVocabularySize >= 4, "source vocabulary size", SourceVocabularySize, "at least 4 (the special tokens)");
        Require(TargetVocabularySize >= 4, "target vocabulary size", TargetVocabularySize, "at least 4 (the special tokens)");
        Require(MaxPositions >= 2, "max positions", MaxPositions, "at least 2");
    }

    private static void Require<T>(bool condition, string name, T value, string allowed)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} = {value} is not allowed; expected {allowed}.", name);
        }
    }
}
