// One message of a gettext catalog, as stored: context, source text(s) and translation(s).
// Convention: the header is the entry with an empty msgid and no msgctxt; plural entries carry
// PluralId and one translation per plural form (msgstr[0], msgstr[1], ...), others exactly one.
namespace Ramp.Training.Data.Gettext;

/// <summary>A message of a gettext catalog (.po or .mo), with escapes already resolved.</summary>
/// <param name="Context">The msgctxt, or null when the entry has none.</param>
/// <param name="Id">The msgid (source text); empty for the header.</param>
/// <param name="PluralId">The msgid_plural, or null for a singular entry.</param>
/// <param name="Translations">msgstr for a singular entry, msgstr[0..n] for a plural one; never empty.</param>
/// <param name="IsFuzzy">Whether the entry carries the <c>fuzzy</c> flag (only .po files can say so).</param>
public sealed record GettextEntry(
    string? Context, string Id, string? PluralId, IReadOnlyList<string> Translations, bool IsFuzzy)
{
    /// <summary>Whether this is the catalog header (empty msgid, no context).</summary>
    public bool IsHeader => Id.Length == 0 && Context is null;

    /// <summary>Whether the entry has plural forms.</summary>
    public bool IsPlural => PluralId is not null;
}
