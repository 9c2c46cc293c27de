// Why a catalog entry did not become a corpus pair; each entry seen is counted under exactly one reason
// or as a pair, so the counts add up to the entries seen.
namespace Ramp.Training.Data.Corpus;

/// <summary>The reason an entry was left out of the corpus, in the order the checks run.</summary>
public enum DropReason
{
    /// <summary>The catalog header (empty msgid).</summary>
    Header,

    /// <summary>Marked fuzzy: the translation is a guess awaiting review.</summary>
    Fuzzy,

    /// <summary>No translation (empty msgstr, or empty msgstr[0]).</summary>
    Untranslated,

    /// <summary>One side is empty once accelerators, directives and whitespace are removed.</summary>
    EmptyAfterCleaning,

    /// <summary>The translation equals the source (names, commands, untranslated copies).</summary>
    IdenticalToSource,

    /// <summary>One side is shorter than the minimum length.</summary>
    TooShort,

    /// <summary>One side is longer than the maximum length.</summary>
    TooLong,

    /// <summary>The same (source, target) pair was already taken from this or an earlier catalog.</summary>
    DuplicatePair,

    /// <summary>Another translation of the same source was kept (see <see cref="MultipleTargetPolicy"/>).</summary>
    AlternativeTarget,
}
