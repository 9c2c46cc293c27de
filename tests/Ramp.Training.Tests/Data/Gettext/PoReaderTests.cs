// .po reading: every feature of the fixture Gettext/sample.po, charsets, and malformed files whose
// errors (line numbers) agree with what msgfmt reports for the same files.
using System.Text;
using Ramp.Training.Data.Gettext;

namespace Ramp.Training.Tests.Data.Gettext;

public class PoReaderTests
{
    private static GettextCatalog Sample() => PoReader.Read(Fixtures.PathOf("Gettext", "sample.po"));

    [Fact]
    public void Obsolete_entries_are_skipped_and_all_others_kept_in_file_order()
    {
        var ids = Sample().Entries.Select(e => e.Id).ToList();
        Assert.Equal(10, ids.Count);
        Assert.Equal("", ids[0]);
        Assert.Equal("Open file", ids[1]);
        Assert.Equal("Save _As…", ids[^1]);
        Assert.DoesNotContain("Obsolete message", ids);
    }

    [Fact]
    public void Multi_line_strings_are_concatenated_and_escapes_resolved()
    {
        var usage = Assert.Single(Sample().Entries, e => e.Id.StartsWith("Usage", StringComparison.Ordinal));
        Assert.Equal("Usage: %s [OPTION]...\n\tCopy \"SOURCE\" to DEST.\n", usage.Id);
        Assert.Equal(["用法：%s [选项]...\n\t复制“源”到目标。\n"], usage.Translations);
    }

    [Fact]
    public void Octal_and_hex_escapes_are_bytes_in_the_file_charset()
    {
        var entry = Assert.Single(Sample().Entries, e => e.Id.StartsWith("Octal", StringComparison.Ordinal));
        Assert.Equal("Octal AB, hex C, backslash \\ and quote \"", entry.Id);
        // \344\270\255 is the UTF-8 encoding of 中.
        Assert.Equal(["八进制 中，十六进制 C"], entry.Translations);
    }

    [Fact]
    public void Context_plural_fuzzy_and_untranslated_entries_are_read_as_written()
    {
        var entries = Sample().Entries;
        Assert.Equal("归档", Assert.Single(entries, e => e.Context == "verb").Translations[0]);
        var plural = Assert.Single(entries, e => e.IsPlural);
        Assert.Equal(("%d file deleted", "%d files deleted"), (plural.Id, plural.PluralId));
        Assert.Equal(["已删除 %d 个文件"], plural.Translations);
        Assert.True(Assert.Single(entries, e => e.Id == "Close window").IsFuzzy);
        Assert.False(Assert.Single(entries, e => e.Id == "Open file").IsFuzzy);
        Assert.Equal([""], Assert.Single(entries, e => e.Id == "Not yet translated").Translations);
        Assert.Equal("zh_CN", Sample().GetHeaderField("Language"));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_the_same()
    {
        var bytes = Fixtures.Bytes("Gettext", "sample.po");
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal));
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        var expected = Sample().Entries;
        Assert.Equal(expected, PoReader.Parse(crlf, "crlf.po").Entries, EntryComparer.Instance);
        Assert.Equal(expected, PoReader.Parse(withBom, "bom.po").Entries, EntryComparer.Instance);
    }

    [Fact]
    public void Blank_lines_inside_an_entry_are_allowed()
    {
        var entry = Assert.Single(PoReader.Read(Fixtures.PathOf("Gettext", "blank-line.po")).Entries);
        Assert.Equal(["%d 个文件"], entry.Translations);
    }

    [Fact]
    public void File_in_the_charset_its_header_names_is_decoded()
    {
        var catalog = PoReader.Read(Fixtures.PathOf("Gettext", "gb2312.po"));
        Assert.Equal("打开文件", Assert.Single(catalog.Entries, e => e.Id == "Open file").Translations[0]);
    }

    [Theory]
    [InlineData("unterminated.po", 3, "unterminated string")]
    [InlineData("bad-escape.po", 5, "unknown escape sequence '\\q'")]
    [InlineData("missing-msgstr.po", 2, "no msgstr")]
    [InlineData("plural-out-of-order.po", 5, "msgstr[1] out of order")]
    public void Malformed_file_raises_an_error_naming_the_file_and_line(string file, int line, string problem)
    {
        var path = Fixtures.PathOf("Gettext", "Malformed", file);
        var error = Assert.Throws<CatalogFormatException>(() => PoReader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.LineNumber);
        Assert.Null(error.ByteOffset);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bytes_for_the_charset_are_reported_with_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"x\"\nmsgstr \"?\"\n");
        bytes[^3] = 0xFF;
        var error = Assert.Throws<CatalogFormatException>(() => PoReader.Parse(bytes, "bad.po"));
        Assert.Equal(5, error.LineNumber);
    }

    private sealed class EntryComparer : IEqualityComparer<GettextEntry>
    {
        public static readonly EntryComparer Instance = new();

        public bool Equals(GettextEntry? x, GettextEntry? y)
            => x is not null && y is not null && x.Context == y.Context && x.Id == y.Id && x.PluralId == y.PluralId
                && x.IsFuzzy == y.IsFuzzy && x.Translations.SequenceEqual(y.Translations);

        public int GetHashCode(GettextEntry obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
