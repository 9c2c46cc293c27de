// Maps a gettext charset name to a strict decoder: invalid bytes throw instead of becoming U+FFFD,
// so a broken catalog is reported rather than silently polluting the corpus.
using System.Text;

namespace Ramp.Training.Data.Gettext;

internal static class CatalogEncoding
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The encoding for a header charset, or null when unknown. No charset, the template placeholder
    /// "CHARSET" and ASCII all read as UTF-8 (its superset); other names go to the code-page provider
    /// (GB2312, GBK, GB18030, Big5, ISO-8859-x, ...), without registering it process-wide.
    /// </summary>
    public static Encoding? FromCharset(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return StrictUtf8;
        var name = charset.Trim();
        if (name.Equals("CHARSET", StringComparison.Ordinal)
            || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ascii", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ANSI_X3.4-1968", StringComparison.OrdinalIgnoreCase))
            return StrictUtf8;
        var fromCodePages = CodePagesEncodingProvider.Instance.GetEncoding(
            name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (fromCodePages is not null)
            return fromCodePages;
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
