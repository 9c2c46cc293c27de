// Reader for gettext text catalogs (.po), after the GNU gettext manual, "The Format of PO Files".
// Keywords msgctxt, msgid, msgid_plural, msgstr and msgstr[n], each followed by one or more quoted
// strings (continuation lines start with a quote) that are concatenated. Comments: "#," carries flags
// (fuzzy), "#~" marks obsolete entries, which are skipped; "#|", "#.", "#:" and "# " are ignored.
// Comments and flags belong to the next message, as in gettext's own parser. The file's charset comes
// from the header's Content-Type, and octal/hex escapes denote bytes in that charset.
using System.Text;

namespace Ramp.Training.Data.Gettext;

/// <summary>Reads .po files.</summary>
public static class PoReader
{
    /// <summary>Reads the catalog stored in <paramref name="path"/>.</summary>
    /// <exception cref="CatalogFormatException">The file is not a well-formed .po file.</exception>
    public static GettextCatalog Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses .po bytes; <paramref name="name"/> is used in error messages and as the catalog path.</summary>
    /// <exception cref="CatalogFormatException">The bytes are not a well-formed .po file.</exception>
    public static GettextCatalog Parse(ReadOnlySpan<byte> data, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (data.StartsWith("\uFEFF"u8))
            data = data[3..];
        var charset = PoCharset.Sniff(data);
        var encoding = CatalogEncoding.FromCharset(charset)
            ?? throw CatalogFormatException.AtLine(name, 1, $"the header names charset '{charset}', which this system cannot decode");
        string text;
        try
        {
            text = encoding.GetString(data);
        }
        catch (DecoderFallbackException exception)
        {
            var line = 1 + data[..Math.Clamp(exception.Index, 0, data.Length)].Count((byte)'\n');
            throw CatalogFormatException.AtLine(name, line, $"the text is not valid {encoding.WebName}");
        }
        return new GettextCatalog(name, new PoParser(name, encoding).Parse(text));
    }
}
