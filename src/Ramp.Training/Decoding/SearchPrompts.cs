// What the searches feed a decoding session: per source, the decoder-embedding rows that come before the first
// generated token (encoder-decoder: BOS; decoder-only: source + EOS, then the target BOS), and the offset that
// turns a generated target id into its decoder-embedding row (0, or the source vocabulary size).
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Decoding;

/// <summary>Prompts of a set of sources and the target-id-to-embedding-row offset.</summary>
internal sealed class SearchPrompts(int[][] tokens, int targetOffset)
{
    public int Count => tokens.Length;

    public int TargetOffset => targetOffset;

    public int Length(int source) => tokens[source].Length;

    public int Longest => tokens.Max(prompt => prompt.Length);

    public int Token(int source, int position) => tokens[source][position];

    // Tokens a search never emits: padding and the begin token.
    public static bool IsExcluded(int token) => token is SpecialTokens.PadId or SpecialTokens.BeginId;
}
