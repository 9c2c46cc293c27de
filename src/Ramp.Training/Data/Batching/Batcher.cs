// Groups tokenized pairs into padded batches under a token budget, in a deterministic order per epoch.
// Epoch e (shuffled): the eligible pairs are shuffled with SplitMix64.ForEpoch(seed, e), cut into sort pools,
// each pool sorted by (target length, source length) with the shuffled order breaking ties, cut greedily into
// batches while B × padded length stays within the budget on both sides, and the batches shuffled again with
// the same generator. Unshuffled: one length-sorted plan (ties by pair index), the same for every epoch.
// A plan depends only on (pairs' lengths, options, epoch), so Read(position) resumes exactly.
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Ramp.Training.Data.Batching;

/// <summary>A batch and where it stands in the data stream.</summary>
/// <param name="Position">The position of this batch.</param>
/// <param name="Next">The position of the batch after it: what a checkpoint taken after this batch saves.</param>
/// <param name="Batch">The batch.</param>
public sealed record PositionedBatch(DataPosition Position, DataPosition Next, Batch Batch);

/// <summary>Plans and builds the batches of each epoch.</summary>
public sealed class Batcher
{
    private readonly IReadOnlyList<TokenizedPair> _pairs;
    private readonly int[] _eligible;
    private readonly BatchingOptions _options;

    /// <summary>Prepares batching of <paramref name="pairs"/>; pairs longer than the limits are left out.</summary>
    /// <exception cref="ArgumentException">An option is invalid or no pair fits the limits.</exception>
    public Batcher(IReadOnlyList<TokenizedPair> pairs, BatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _pairs = pairs;
        _options = options;
        var limit = Math.Min(options.MaximumSequenceLength, options.TokensPerBatch);
        _eligible = Enumerable.Range(0, pairs.Count)
            .Where(i => pairs[i].Source.Length + 1 <= limit && pairs[i].Target.Length + 1 <= limit)
            .ToArray();
        if (_eligible.Length == 0)
            throw new ArgumentException($"None of the {pairs.Count} pairs fits within {limit} tokens per side; raise MaximumSequenceLength or TokensPerBatch.", nameof(pairs));
        Fingerprint = ComputeFingerprint();
    }

    /// <summary>Pairs that take part in batching.</summary>
    public int EligiblePairCount => _eligible.Length;

    /// <summary>Pairs left out because a side is longer than the limits.</summary>
    public int SkippedPairCount => _pairs.Count - _eligible.Length;

    /// <summary>
    /// Hex digest of the options and every pair's token ids: a checkpoint that stores it can tell whether it is
    /// resumed with the same data and batching, the condition for seeing the same batches.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The batches of <paramref name="epoch"/>, as lists of pair indices in reading order.</summary>
    public IReadOnlyList<int[]> PlanEpoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (!_options.Shuffle)
            return Cut(SortByLength(_eligible.ToArray()));
        var random = SplitMix64.ForEpoch(_options.Seed, epoch);
        var order = _eligible.ToArray();
        random.Shuffle(order.AsSpan());
        var poolSize = _options.SortPoolSize == 0 ? order.Length : _options.SortPoolSize;
        var batches = new List<int[]>();
        for (var start = 0; start < order.Length; start += poolSize)
            batches.AddRange(Cut(SortByLength(order[start..Math.Min(order.Length, start + poolSize)])));
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled.AsSpan());
        return shuffled;
    }

    /// <summary>Builds the padded batch of the given pairs (indices into the pair list).</summary>
    public Batch CreateBatch(int[] pairIndices)
    {
        ArgumentNullException.ThrowIfNull(pairIndices);
        if (pairIndices.Length == 0)
            throw new ArgumentException("A batch needs at least one pair index.", nameof(pairIndices));
        foreach (var index in pairIndices)
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_pairs.Count, nameof(pairIndices));
        return new Batch(_pairs, pairIndices);
    }

    /// <summary>The batches from <paramref name="start"/> on, epoch after epoch, without end.</summary>
    public IEnumerable<PositionedBatch> Read(DataPosition start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start.Epoch, nameof(start));
        ArgumentOutOfRangeException.ThrowIfNegative(start.BatchIndex, nameof(start));
        var firstPlan = PlanEpoch(start.Epoch);
        if (start.BatchIndex > firstPlan.Count)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"epoch {start.Epoch} has {firstPlan.Count} batches");
        return ReadFrom(start, firstPlan);
    }

    private IEnumerable<PositionedBatch> ReadFrom(DataPosition start, IReadOnlyList<int[]> plan)
    {
        var (epoch, index) = start;
        while (true)
        {
            for (; index < plan.Count; index++)
            {
                var next = index + 1 < plan.Count ? new DataPosition(epoch, index + 1) : new DataPosition(epoch + 1, 0);
                yield return new PositionedBatch(new DataPosition(epoch, index), next, CreateBatch(plan[index]));
            }
            epoch++;
            index = 0;
            plan = PlanEpoch(epoch);
        }
    }

    // Keys are unique (the position breaks ties), so any correct sort gives the same order.
    private int[] SortByLength(int[] indices)
    {
        var keys = new (int Target, int Source, int Position)[indices.Length];
        for (var i = 0; i < indices.Length; i++)
            keys[i] = (_pairs[indices[i]].Target.Length, _pairs[indices[i]].Source.Length, i);
        Array.Sort(keys, indices);
        return indices;
    }

    private List<int[]> Cut(int[] sorted)
    {
        var batches = new List<int[]>();
        var maximumPairs = _options.MaximumPairsPerBatch ?? int.MaxValue;
        int first = 0, longestSource = 0, longestTarget = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var source = _pairs[sorted[i]].Source.Length + 1;
            var target = _pairs[sorted[i]].Target.Length + 1;
            var count = i - first + 1;
            var fits = count <= maximumPairs
                && (long)count * Math.Max(longestSource, source) <= _options.TokensPerBatch
                && (long)count * Math.Max(longestTarget, target) <= _options.TokensPerBatch;
            if (!fits)
            {
                batches.Add(sorted[first..i]);
                first = i;
                longestSource = longestTarget = 0;
            }
            longestSource = Math.Max(longestSource, source);
            longestTarget = Math.Max(longestTarget, target);
        }
        batches.Add(sorted[first..]);
        return batches;
    }

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendNumber(hash, _options.TokensPerBatch);
        AppendNumber(hash, _options.MaximumPairsPerBatch ?? -1);
        AppendNumber(hash, _options.MaximumSequenceLength);
        AppendNumber(hash, _options.SortPoolSize);
        AppendNumber(hash, _options.Shuffle ? 1 : 0);
        AppendNumber(hash, (long)_options.Seed);
        AppendNumber(hash, _pairs.Count);
        foreach (var pair in _pairs)
        {
            AppendNumber(hash, ((long)pair.Source.Length << 32) | (uint)pair.Target.Length);
            hash.AppendData(MemoryMarshal.AsBytes(pair.Source.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(pair.Target.AsSpan()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset()[..8]);
    }

    private static void AppendNumber(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
