// The tokenizer contract shared by the byte-level BPE and the character tokenizer.
// Conventions: ids 0-3 are the special tokens (SpecialTokens); Encode never adds them (batching does);
// Decode skips pad, begin and end, shows unknown as U+FFFD, and replaces invalid UTF-8 from byte tokens
// with U+FFFD. Text with an unpaired UTF-16 surrogate cannot be encoded: ArgumentException.
// Tokenizers are immutable once built (BPE's piece cache is concurrent), so one instance may encode on
// several threads at once.
namespace Ramp.Training.Data.Tokenizers;

/// <summary>Maps text to token ids and back.</summary>
public interface ITokenizer
{
    /// <summary>Short name of the tokenizer type as saved in its file: <c>byte-bpe</c> or <c>character</c>.</summary>
    string Kind { get; }

    /// <summary>Number of token ids, the special tokens included; ids run from 0 to VocabularySize - 1.</summary>
    int VocabularySize { get; }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="ids"/>, without special tokens.</summary>
    void Encode(ReadOnlySpan<char> text, List<int> ids);

    /// <summary>The ids of <paramref name="text"/>, without special tokens.</summary>
    int[] Encode(string text);

    /// <summary>The text of <paramref name="ids"/>.</summary>
    string Decode(ReadOnlySpan<int> ids);

    /// <summary>Saves the tokenizer as JSON to <paramref name="path"/> (written to a temporary file, then renamed).</summary>
    void Save(string path);
}
