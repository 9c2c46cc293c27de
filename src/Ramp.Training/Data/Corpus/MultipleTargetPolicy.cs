// What the corpus keeps when one source text has several different translations (for example the
// same msgid translated differently by two projects, or under two msgctxt).
namespace Ramp.Training.Data.Corpus;

/// <summary>Which translations to keep for a source text that has several.</summary>
public enum MultipleTargetPolicy
{
    /// <summary>
    /// Keep the translation seen most often across all catalogs; ties go to the one seen first (catalogs in
    /// path order, entries in file order). One target per source makes the task less ambiguous and the
    /// test set a one-reference set.
    /// </summary>
    MostFrequent,

    /// <summary>Keep the first translation seen.</summary>
    First,

    /// <summary>Keep every distinct translation, each as its own pair (all land in the same split).</summary>
    KeepAll,
}
