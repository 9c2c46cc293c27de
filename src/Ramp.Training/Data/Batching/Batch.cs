// One padded batch of pairs, row-major. Conventions (B pairs, S source positions, T target positions):
//   encoder input   SourceIds        (B, S) = source + EOS, then PAD
//   decoder input   DecoderInputIds  (B, T) = BOS + target, then PAD
//   decoder output  DecoderOutputIds (B, T) = target + EOS, then PAD   (the labels; PAD is ignored by the loss)
// Masks are true on real tokens and false on padding; SourceLengths and TargetLengths count real tokens
// (source + 1 and target + 1), so the mask of row b is the first Lengths[b] positions.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Data.Batching;

/// <summary>A padded batch of source and target sequences.</summary>
public sealed class Batch
{
    internal Batch(IReadOnlyList<TokenizedPair> pairs, int[] pairIndices)
    {
        PairIndices = pairIndices;
        Size = pairIndices.Length;
        SourceLengths = new int[Size];
        TargetLengths = new int[Size];
        for (var b = 0; b < Size; b++)
        {
            var pair = pairs[pairIndices[b]];
            SourceLengths[b] = pair.Source.Length + 1;
            TargetLengths[b] = pair.Target.Length + 1;
        }
        SourceLength = SourceLengths.Max();
        TargetLength = TargetLengths.Max();
        // PAD is id 0, so freshly allocated id arrays are already padded.
        SourceIds = new int[Size * SourceLength];
        SourceMask = new bool[Size * SourceLength];
        DecoderInputIds = new int[Size * TargetLength];
        DecoderOutputIds = new int[Size * TargetLength];
        TargetMask = new bool[Size * TargetLength];
        for (var b = 0; b < Size; b++)
        {
            var pair = pairs[pairIndices[b]];
            var source = SourceIds.AsSpan(b * SourceLength, SourceLength);
            pair.Source.CopyTo(source);
            source[pair.Source.Length] = SpecialTokens.EndId;
            SourceMask.AsSpan(b * SourceLength, SourceLengths[b]).Fill(true);

            var input = DecoderInputIds.AsSpan(b * TargetLength, TargetLength);
            input[0] = SpecialTokens.BeginId;
            pair.Target.CopyTo(input[1..]);
            var output = DecoderOutputIds.AsSpan(b * TargetLength, TargetLength);
            pair.Target.CopyTo(output);
            output[pair.Target.Length] = SpecialTokens.EndId;
            TargetMask.AsSpan(b * TargetLength, TargetLengths[b]).Fill(true);
        }
    }

    /// <summary>Number of pairs, B.</summary>
    public int Size { get; }

    /// <summary>Padded source length, S: the longest source + 1.</summary>
    public int SourceLength { get; }

    /// <summary>Padded target length, T: the longest target + 1.</summary>
    public int TargetLength { get; }

    /// <summary>(B) Index of each row's pair in the batcher's pair list.</summary>
    public int[] PairIndices { get; }

    /// <summary>(B, S) Encoder input: source + EOS, then PAD.</summary>
    public int[] SourceIds { get; }

    /// <summary>(B, S) True on real source tokens, false on padding.</summary>
    public bool[] SourceMask { get; }

    /// <summary>(B) Real source tokens per row (source + 1).</summary>
    public int[] SourceLengths { get; }

    /// <summary>(B, T) Decoder input: BOS + target, then PAD.</summary>
    public int[] DecoderInputIds { get; }

    /// <summary>(B, T) Decoder output (labels): target + EOS, then PAD.</summary>
    public int[] DecoderOutputIds { get; }

    /// <summary>(B, T) True on real target positions, false on padding.</summary>
    public bool[] TargetMask { get; }

    /// <summary>(B) Real target positions per row (target + 1).</summary>
    public int[] TargetLengths { get; }

    /// <summary>Real (non-padding) source tokens in the batch.</summary>
    public int SourceTokenCount => SourceLengths.Sum();

    /// <summary>Real (non-padding) target positions in the batch: the tokens the loss averages over.</summary>
    public int TargetTokenCount => TargetLengths.Sum();
}
