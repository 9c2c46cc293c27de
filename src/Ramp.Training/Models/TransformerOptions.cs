// Model settings that ModelConfig does not carry: the position encoding and the longest sequence a model
// accepts (the size of its position table). The defaults suit the sentence-level corpora Ramp trains on.
namespace Ramp.Training.Models;

/// <summary>Settings beyond <see cref="Training.ModelConfig"/>.</summary>
public sealed record TransformerOptions
{
    /// <summary>Sinusoidal (default) or learned positions.</summary>
    public PositionEncoding Positions { get; init; } = PositionEncoding.Sinusoidal;

    /// <summary>
    /// Rows of the position table: the longest sequence (source, target, or for a decoder-only model source
    /// plus target) that training and decoding accept. Default 512.
    /// </summary>
    public int MaxPositions { get; init; } = 512;
}
