// Reader for GNU binary message catalogs (.mo), after the layout in the GNU gettext manual, "The Format
// of GNU MO Files": a 28-byte header (magic 0x950412de in the writer's byte order, revision, string
// count N, offsets of the original and translation tables), then two tables of N (length, offset) pairs.
// A msgid may be "context EOT id" and "id NUL plural"; a msgstr holds the plural forms separated by NUL.
// Every offset and length is checked against the file size before use. Minor revision 1 adds
// system-dependent strings (e.g. <PRIu64> directives); those live in extra tables that are not read.
using System.Buffers.Binary;
using System.Text;

namespace Ramp.Training.Data.Gettext;

/// <summary>Reads .mo files in either byte order.</summary>
public static class MoReader
{
    private const uint Magic = 0x950412de;
    private const uint SwappedMagic = 0xde120495;
    private const int HeaderSize = 28;
    private const char ContextSeparator = '\u0004';

    /// <summary>Reads the catalog stored in <paramref name="path"/>.</summary>
    /// <exception cref="CatalogFormatException">The file is not a well-formed .mo file.</exception>
    public static GettextCatalog Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses .mo bytes; <paramref name="name"/> is used in error messages and as the catalog path.</summary>
    /// <exception cref="CatalogFormatException">The bytes are not a well-formed .mo file.</exception>
    public static GettextCatalog Parse(ReadOnlySpan<byte> data, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (data.Length < HeaderSize)
            throw CatalogFormatException.AtOffset(name, 0, $"the file has {data.Length} bytes, fewer than the {HeaderSize}-byte .mo header");

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        bool bigEndian;
        if (magic == Magic)
            bigEndian = false;
        else if (magic == SwappedMagic)
            bigEndian = true;
        else
            throw CatalogFormatException.AtOffset(name, 0, $"magic number 0x{magic:x8} is not 0x{Magic:x8} in either byte order; not a .mo file");

        var reader = new WordReader(data, bigEndian);
        var revision = reader.Read(4);
        if (revision >> 16 > 1)
            throw CatalogFormatException.AtOffset(name, 4, $"major revision {revision >> 16} is not supported (0 or 1 are)");
        var count = reader.Read(8);
        var originalTable = reader.Read(12);
        var translationTable = reader.Read(16);
        CheckTable(name, data.Length, count, originalTable, 12, "msgid");
        CheckTable(name, data.Length, count, translationTable, 16, "msgstr");

        var encoding = FindEncoding(name, data, reader, count, originalTable, translationTable);
        var entries = new List<GettextEntry>((int)count);
        for (long i = 0; i < count; i++)
        {
            var id = ReadString(name, data, reader, originalTable + (8 * i), encoding);
            var translation = ReadString(name, data, reader, translationTable + (8 * i), encoding);
            entries.Add(ToEntry(id, translation));
        }
        return new GettextCatalog(name, entries);
    }

    private static void CheckTable(string name, long fileLength, uint count, uint tableOffset, long fieldOffset, string what)
    {
        var end = tableOffset + (8L * count);
        if (end > fileLength)
            throw CatalogFormatException.AtOffset(name, fieldOffset,
                $"the {what} table at offset {tableOffset} with {count} entries ends at {end}, past the end of the file ({fileLength} bytes)");
    }

    // The header (empty msgid) names the charset of every other string, so it is decoded first, leniently:
    // only its ASCII Content-Type line matters here, and it is decoded again strictly with the rest.
    private static Encoding FindEncoding(string name, ReadOnlySpan<byte> data, WordReader reader, uint count, uint originalTable, uint translationTable)
    {
        for (long i = 0; i < count; i++)
        {
            if (reader.Read(originalTable + (8 * i)) != 0)
                continue;
            var header = ReadString(name, data, reader, translationTable + (8 * i), Encoding.UTF8);
            var charset = GettextHeader.GetCharset(header);
            return CatalogEncoding.FromCharset(charset)
                ?? throw CatalogFormatException.AtOffset(name, reader.Read(translationTable + (8 * i) + 4),
                    $"the header names charset '{charset}', which this system cannot decode");
        }
        return CatalogEncoding.StrictUtf8;
    }

    private static string ReadString(string name, ReadOnlySpan<byte> data, WordReader reader, long descriptor, Encoding encoding)
    {
        var length = reader.Read(descriptor);
        var offset = reader.Read(descriptor + 4);
        if ((long)offset + length > data.Length)
            throw CatalogFormatException.AtOffset(name, descriptor,
                $"string of {length} bytes at offset {offset} runs past the end of the file ({data.Length} bytes)");
        try
        {
            return encoding.GetString(data.Slice((int)offset, (int)length));
        }
        catch (DecoderFallbackException)
        {
            throw CatalogFormatException.AtOffset(name, offset, $"string of {length} bytes is not valid {encoding.WebName}");
        }
    }

    private static GettextEntry ToEntry(string id, string translation)
    {
        string? context = null;
        var separator = id.IndexOf(ContextSeparator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            context = id[..separator];
            id = id[(separator + 1)..];
        }
        string? pluralId = null;
        var nul = id.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            pluralId = id[(nul + 1)..];
            id = id[..nul];
        }
        IReadOnlyList<string> translations = pluralId is null ? [translation] : translation.Split('\0');
        return new GettextEntry(context, id, pluralId, translations, IsFuzzy: false);
    }

    private readonly ref struct WordReader(ReadOnlySpan<byte> data, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        // Callers have checked that the word lies inside the file (the header or a checked table).
        public uint Read(long offset)
        {
            var word = _data.Slice((int)offset, 4);
            return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(word) : BinaryPrimitives.ReadUInt32LittleEndian(word);
        }
    }
}
