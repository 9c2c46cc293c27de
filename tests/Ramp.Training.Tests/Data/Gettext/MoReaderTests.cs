// .mo reading: against msgfmt's output for the fixture catalogs (both byte orders), and against the
// malformed files made by Fixtures/make_fixtures.py (one defect each, at a known byte offset).
using System.Buffers.Binary;
using Ramp.Training.Data.Gettext;

namespace Ramp.Training.Tests.Data.Gettext;

public class MoReaderTests
{
    private static string Key(GettextEntry e) => $"{e.Context}|{e.Id}|{e.PluralId}|{string.Join("|", e.Translations)}";

    [Fact]
    public void Little_endian_file_from_msgfmt_holds_the_po_entries_that_msgfmt_keeps()
    {
        var po = PoReader.Read(Fixtures.PathOf("Gettext", "sample.po"));
        var mo = MoReader.Read(Fixtures.PathOf("Gettext", "sample.mo"));

        // msgfmt leaves out fuzzy and untranslated entries and sorts by msgid.
        var kept = po.Entries.Where(e => !e.IsFuzzy && e.Translations.Any(t => t.Length > 0)).Select(Key).Order(StringComparer.Ordinal);
        Assert.Equal(kept, mo.Entries.Select(Key).Order(StringComparer.Ordinal));
        Assert.All(mo.Entries, e => Assert.False(e.IsFuzzy));
    }

    [Fact]
    public void Big_endian_file_reads_the_same_as_the_little_endian_one()
    {
        Assert.Equal(0x95, Fixtures.Bytes("Gettext", "sample-be.mo")[0]);
        var little = MoReader.Read(Fixtures.PathOf("Gettext", "sample.mo"));
        var big = MoReader.Read(Fixtures.PathOf("Gettext", "sample-be.mo"));
        Assert.Equal(little.Entries.Select(Key), big.Entries.Select(Key));
    }

    [Fact]
    public void Context_is_split_at_EOT_and_plural_forms_at_NUL()
    {
        var sample = MoReader.Read(Fixtures.PathOf("Gettext", "sample.mo"));
        var menu = Assert.Single(sample.Entries, e => e.Context == "menu");
        Assert.Equal("_File", menu.Id);
        Assert.Equal(["文件(_F)"], menu.Translations);

        var french = MoReader.Read(Fixtures.PathOf("Gettext", "plural-fr.mo"));
        var plural = Assert.Single(french.Entries, e => e.IsPlural);
        Assert.Equal("status", plural.Context);
        Assert.Equal("One file copied", plural.Id);
        Assert.Equal("%d files copied", plural.PluralId);
        Assert.Equal(["Un fichier copié", "%d fichiers copiés"], plural.Translations);
    }

    [Fact]
    public void Header_is_an_entry_and_its_fields_are_readable()
    {
        var sample = MoReader.Read(Fixtures.PathOf("Gettext", "sample.mo"));
        Assert.True(sample.Entries[0].IsHeader);
        Assert.Equal("zh_CN", sample.GetHeaderField("Language"));
        Assert.Equal("nplurals=1; plural=0;", sample.GetHeaderField("plural-forms"));
    }

    [Fact]
    public void Strings_are_decoded_with_the_charset_the_header_names()
    {
        var catalog = MoReader.Read(Fixtures.PathOf("Gettext", "gb2312.mo"));
        Assert.Equal("GB2312", GettextHeader.GetCharset(catalog.Header));
        Assert.Equal("打开文件", Assert.Single(catalog.Entries, e => e.Id == "Open file").Translations[0]);
        Assert.Equal("退出", Assert.Single(catalog.Entries, e => e.Id == "Quit").Translations[0]);
    }

    public static TheoryData<string, long> MalformedFiles()
    {
        var good = Fixtures.Bytes("Gettext", "sample.mo");
        var translations = BinaryPrimitives.ReadUInt32LittleEndian(good.AsSpan(16));
        var secondString = BinaryPrimitives.ReadUInt32LittleEndian(good.AsSpan((int)translations + 12));
        return new TheoryData<string, long>
        {
            { "bad-magic.mo", 0 },
            { "truncated-header.mo", 0 },
            { "bad-revision.mo", 4 },
            { "table-past-end.mo", 16 },
            // The descriptor of msgstr 1 points past the end; the error names the descriptor.
            { "string-past-end.mo", translations + 8 },
            // The first byte of msgstr 1 is 0xFF; the error names the string.
            { "invalid-utf8.mo", secondString },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_file_raises_an_error_naming_the_file_and_byte_offset(string file, long offset)
    {
        var path = Fixtures.PathOf("Gettext", "Malformed", file);
        var error = Assert.Throws<CatalogFormatException>(() => MoReader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(offset, error.ByteOffset);
        Assert.Null(error.LineNumber);
        Assert.StartsWith($"{path}: at byte offset {offset} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_corruption_gives_either_a_catalog_or_a_format_error_never_another_exception()
    {
        var good = Fixtures.Bytes("Gettext", "sample.mo");
        var random = new Random(17);
        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])good.Clone();
            var edits = 1 + random.Next(4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = trial % 3 == 0 ? (byte)0xFF : (byte)random.Next(256);
            }
            var length = trial % 5 == 0 ? random.Next(bytes.Length) : bytes.Length;
            try
            {
                MoReader.Parse(bytes.AsSpan(0, length), "corrupt.mo");
            }
            catch (CatalogFormatException error)
            {
                Assert.InRange(error.ByteOffset!.Value, 0, bytes.Length);
            }
        }
    }
}
