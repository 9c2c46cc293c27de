// Finds the charset a .po file declares before the file can be decoded. Every charset gettext allows
// for PO files is ASCII-compatible, so the header's "charset=" can be found in the raw bytes.
using System.Buffers;
using System.Text;

namespace Ramp.Training.Data.Gettext;

internal static class PoCharset
{
    private static readonly SearchValues<byte> ValueEnd = SearchValues.Create("\\\"; \t\r\n"u8);

    /// <summary>The charset named in the header entry, or null (read as UTF-8) when there is none.</summary>
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        // The header is the first entry: stop at the second msgid so a message text cannot be mistaken for it.
        var first = data.IndexOf("msgid"u8);
        if (first < 0)
            return null;
        var second = data[(first + 5)..].IndexOf("msgid"u8);
        var header = second < 0 ? data : data[..(first + 5 + second)];
        var at = header.IndexOf("charset="u8);
        if (at < 0)
            return null;
        var value = header[(at + "charset="u8.Length)..];
        var end = value.IndexOfAny(ValueEnd);
        return Encoding.ASCII.GetString(end < 0 ? value : value[..end]);
    }
}
