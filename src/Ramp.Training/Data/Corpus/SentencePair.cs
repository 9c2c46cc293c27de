// One line of a parallel corpus: a source sentence, its translation, and the catalog it came from.
namespace Ramp.Training.Data.Corpus;

/// <summary>A source text and its translation.</summary>
/// <param name="Source">Source-language text (for gettext, the cleaned msgid).</param>
/// <param name="Target">Target-language text (for gettext, the cleaned msgstr, or msgstr[0] for plurals).</param>
/// <param name="Origin">Where the pair was first seen, e.g. the path of the catalog.</param>
public sealed record SentencePair(string Source, string Target, string Origin);
