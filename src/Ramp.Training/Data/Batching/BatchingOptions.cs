// How pairs are grouped into batches. Lengths count tokens with the added special token: a source of n
// tokens takes n + 1 positions (EOS), a target of m tokens takes m + 1 (BOS in, EOS out).
namespace Ramp.Training.Data.Batching;

/// <summary>Options of <see cref="Batcher"/>.</summary>
public sealed record BatchingOptions
{
    /// <summary>Largest batch size × padded length, checked on the source and target side separately.</summary>
    public int TokensPerBatch { get; init; } = 4096;

    /// <summary>Largest number of pairs in a batch; null: limited by <see cref="TokensPerBatch"/> only.</summary>
    public int? MaximumPairsPerBatch { get; init; }

    /// <summary>Longest sequence on either side, special token included; longer pairs are left out (and counted).</summary>
    public int MaximumSequenceLength { get; init; } = 256;

    /// <summary>
    /// Pairs sorted by length together: the epoch's shuffled order is cut into pools of this size, each pool
    /// sorted, then batched. 0 sorts the whole epoch at once (least padding; batch contents still change per epoch).
    /// </summary>
    public int SortPoolSize { get; init; }

    /// <summary>Shuffle per epoch (training); false gives one fixed length-sorted order (evaluation).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the data order; the order of epoch e is a pure function of (Seed, e).</summary>
    public ulong Seed { get; init; }

    /// <summary>Checks every option; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (TokensPerBatch < 2)
            throw new ArgumentException($"TokensPerBatch {TokensPerBatch} is too small; expected at least 2.", nameof(TokensPerBatch));
        if (MaximumPairsPerBatch is < 1)
            throw new ArgumentException($"MaximumPairsPerBatch {MaximumPairsPerBatch} is below 1; expected at least 1 or null.", nameof(MaximumPairsPerBatch));
        if (MaximumSequenceLength < 2)
            throw new ArgumentException($"MaximumSequenceLength {MaximumSequenceLength} is too small; expected at least 2.", nameof(MaximumSequenceLength));
        if (SortPoolSize < 0)
            throw new ArgumentException($"SortPoolSize {SortPoolSize} is negative; expected 0 (whole epoch) or more.", nameof(SortPoolSize));
    }
}
