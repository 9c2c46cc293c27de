// A parsed gettext catalog: its entries in file order and the header fields that matter here.
namespace Ramp.Training.Data.Gettext;

/// <summary>The entries of one .po or .mo file, in the order the file stores them.</summary>
/// <param name="Path">The file the catalog was read from (or the name given to the parser).</param>
/// <param name="Entries">All entries, the header included; obsolete (<c>#~</c>) .po entries are not.</param>
public sealed record GettextCatalog(string Path, IReadOnlyList<GettextEntry> Entries)
{
    /// <summary>The header entry's text (msgstr of the empty msgid), or null when the catalog has no header.</summary>
    public string? Header => Entries.FirstOrDefault(entry => entry.IsHeader)?.Translations[0];

    /// <summary>The value of a header field such as <c>Language</c>, or null when absent.</summary>
    /// <param name="name">Field name without the colon, matched ignoring case.</param>
    public string? GetHeaderField(string name) => GettextHeader.GetField(Header, name);
}
