// Reads fields ("Name: value" lines) from a gettext header, e.g. the charset of Content-Type.
namespace Ramp.Training.Data.Gettext;

internal static class GettextHeader
{
    /// <summary>The trimmed value of the first line <c>name: value</c>, or null.</summary>
    public static string? GetField(string? header, string name)
    {
        if (header is null)
            return null;
        foreach (var line in header.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return line[(colon + 1)..].Trim();
        }
        return null;
    }

    /// <summary>The <c>charset=</c> parameter of the Content-Type field, or null.</summary>
    public static string? GetCharset(string? header)
    {
        var contentType = GetField(header, "Content-Type");
        if (contentType is null)
            return null;
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var value = contentType[(at + "charset=".Length)..];
        var end = value.IndexOfAny([';', ' ', '\t']);
        return (end < 0 ? value : value[..end]).Trim();
    }
}
