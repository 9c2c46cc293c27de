// A sentence pair as token ids, without special tokens (the batcher adds BOS and EOS).
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Data.Batching;

/// <summary>Source and target token ids of one pair, without special tokens.</summary>
/// <param name="Source">Source ids.</param>
/// <param name="Target">Target ids.</param>
public sealed record TokenizedPair(int[] Source, int[] Target)
{
    /// <summary>Encodes every pair with the given tokenizers (in parallel; the result keeps the input order).</summary>
    public static TokenizedPair[] Encode(IReadOnlyList<SentencePair> pairs, ITokenizer sourceTokenizer, ITokenizer targetTokenizer)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(sourceTokenizer);
        ArgumentNullException.ThrowIfNull(targetTokenizer);
        var encoded = new TokenizedPair[pairs.Count];
        Parallel.For(0, pairs.Count, i => encoded[i] = new TokenizedPair(
            sourceTokenizer.Encode(pairs[i].Source), targetTokenizer.Encode(pairs[i].Target)));
        return encoded;
    }
}
