// The reserved token ids, the same in every Ramp tokenizer so that models and batches can rely on them.
namespace Ramp.Training.Data.Tokenizers;

/// <summary>Ids and names of the special tokens: padding 0, unknown 1, begin 2, end 3.</summary>
public static class SpecialTokens
{
    /// <summary>Padding, after the end of a shorter sequence in a batch.</summary>
    public const int PadId = 0;

    /// <summary>A character the vocabulary does not hold (never produced by byte-level tokenizers).</summary>
    public const int UnknownId = 1;

    /// <summary>Begin of sequence: the first decoder input.</summary>
    public const int BeginId = 2;

    /// <summary>End of sequence: the last decoder output, and the last encoder input.</summary>
    public const int EndId = 3;

    /// <summary>Number of special tokens; the first ordinary token id.</summary>
    public const int Count = 4;

    /// <summary>The names of the special tokens, indexed by id, as saved in tokenizer files.</summary>
    public static IReadOnlyList<string> Names { get; } = ["<pad>", "<unk>", "<s>", "</s>"];

    /// <summary>Whether <paramref name="id"/> is padding, begin or end: tokens that decoding skips.</summary>
    public static bool IsSkippedByDecode(int id) => id is PadId or BeginId or EndId;
}
