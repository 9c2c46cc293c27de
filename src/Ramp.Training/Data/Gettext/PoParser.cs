// The line-by-line state machine behind PoReader: builds one entry at a time and reports errors by line.
using System.Text;

namespace Ramp.Training.Data.Gettext;

internal sealed class PoParser(string name, Encoding encoding)
{
    private enum Field { None, Context, Id, PluralId, Translation }

    private readonly List<GettextEntry> _entries = [];
    private string? _context;
    private string? _id;
    private string? _pluralId;
    private readonly List<string> _translations = [];
    private bool _fuzzy;
    private int _entryLine;
    private Field _last;

    public List<GettextEntry> Parse(string text)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
            ParseLine(lines[index].Trim(), index + 1);
        if (_id is not null || _context is not null)
            Finish(lines.Length);
        return _entries;
    }

    private void ParseLine(string line, int lineNumber)
    {
        // Blank lines carry no meaning in the PO grammar: an entry ends where the next one begins.
        if (line.Length == 0)
            return;
        if (line[0] == '#')
        {
            if (_id is not null)
                Finish(lineNumber);
            if (line.StartsWith("#~", StringComparison.Ordinal))
                Reset();
            else if (line.StartsWith("#,", StringComparison.Ordinal))
                _fuzzy |= line[2..].Split(',').Any(flag => flag.Trim() == "fuzzy");
            return;
        }
        if (line[0] == '"')
        {
            Append(ParseString(line, 0, lineNumber), lineNumber);
            return;
        }
        if (TryKeyword(line, "msgctxt", out var rest))
        {
            if (_id is not null)
                Finish(lineNumber);
            if (_context is not null)
                throw Error(lineNumber, "a second msgctxt before the msgid");
            _context = ParseString(line, rest, lineNumber);
            Start(Field.Context, lineNumber);
        }
        else if (TryKeyword(line, "msgid_plural", out rest))
        {
            if (_id is null || _pluralId is not null || _translations.Count > 0)
                throw Error(lineNumber, "msgid_plural must follow a msgid and come before its msgstr");
            _pluralId = ParseString(line, rest, lineNumber);
            _last = Field.PluralId;
        }
        else if (TryKeyword(line, "msgid", out rest))
        {
            if (_id is not null)
                Finish(lineNumber);
            _id = ParseString(line, rest, lineNumber);
            Start(Field.Id, lineNumber);
        }
        else if (line.StartsWith("msgstr[", StringComparison.Ordinal))
        {
            var close = line.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !int.TryParse(line.AsSpan(7, close - 7), out var form))
                throw Error(lineNumber, "msgstr[ must be followed by a plural form number and ]");
            if (_id is null || _pluralId is null)
                throw Error(lineNumber, "msgstr[n] needs a msgid and a msgid_plural before it");
            if (form != _translations.Count)
                throw Error(lineNumber, $"msgstr[{form}] out of order; msgstr[{_translations.Count}] expected");
            _translations.Add(ParseString(line, close + 1, lineNumber));
            _last = Field.Translation;
        }
        else if (TryKeyword(line, "msgstr", out rest))
        {
            if (_id is null)
                throw Error(lineNumber, "msgstr without a msgid before it");
            if (_pluralId is not null)
                throw Error(lineNumber, "a plural entry needs msgstr[0], msgstr[1], ..., not msgstr");
            if (_translations.Count > 0)
                throw Error(lineNumber, "a second msgstr for the same msgid");
            _translations.Add(ParseString(line, rest, lineNumber));
            _last = Field.Translation;
        }
        else
        {
            var word = line.Split(' ', '\t')[0];
            throw Error(lineNumber, $"unexpected '{word}'; expected a comment, msgctxt, msgid, msgid_plural, msgstr or a quoted string");
        }
    }

    private void Start(Field field, int lineNumber)
    {
        if (_entryLine == 0)
            _entryLine = lineNumber;
        _last = field;
    }

    private static bool TryKeyword(string line, string keyword, out int rest)
    {
        rest = keyword.Length;
        return line.StartsWith(keyword, StringComparison.Ordinal)
            && line.Length > keyword.Length && (line[keyword.Length] is ' ' or '\t' or '"');
    }

    private void Append(string continuation, int lineNumber)
    {
        switch (_last)
        {
            case Field.Context: _context += continuation; break;
            case Field.Id: _id += continuation; break;
            case Field.PluralId: _pluralId += continuation; break;
            case Field.Translation: _translations[^1] += continuation; break;
            case Field.None:
            default: throw Error(lineNumber, "a quoted string that does not continue a msgctxt, msgid or msgstr");
        }
    }

    private void Finish(int lineNumber)
    {
        if (_id is null)
            throw Error(lineNumber, "msgctxt without a msgid");
        if (_translations.Count == 0)
            throw Error(_entryLine, "entry has no msgstr");
        _entries.Add(new GettextEntry(_context, _id, _pluralId, _translations.ToArray(), _fuzzy));
        Reset();
    }

    private void Reset()
    {
        _context = null;
        _id = null;
        _pluralId = null;
        _translations.Clear();
        _fuzzy = false;
        _entryLine = 0;
        _last = Field.None;
    }

    private string ParseString(string line, int start, int lineNumber)
    {
        var i = start;
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        if (i >= line.Length || line[i] != '"')
            throw Error(lineNumber, "a quoted string expected");
        var text = new StringBuilder();
        var bytes = new List<byte>();
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                FlushBytes(text, bytes, lineNumber);
                if (line.AsSpan(i + 1).Trim().Length > 0)
                    throw Error(lineNumber, $"text after the closing quote at column {i + 1}");
                return text.ToString();
            }
            if (c != '\\')
            {
                FlushBytes(text, bytes, lineNumber);
                text.Append(c);
                continue;
            }
            if (++i >= line.Length)
                break;
            var value = PoEscapes.Resolve(line, ref i);
            if (value < 0)
                throw Error(lineNumber, $"unknown escape sequence '\\{line[i]}' at column {i}");
            if (value > 0xFF)
                throw Error(lineNumber, $"octal escape at column {i} is {value}, above the byte maximum 255");
            if (value < 0x80)
            {
                FlushBytes(text, bytes, lineNumber);
                text.Append((char)value);
            }
            else
            {
                bytes.Add((byte)value);
            }
        }
        throw Error(lineNumber, "unterminated string (no closing quote)");
    }

    // Escaped bytes above 0x7F are parts of multi-byte characters in the file's charset.
    private void FlushBytes(StringBuilder text, List<byte> bytes, int lineNumber)
    {
        if (bytes.Count == 0)
            return;
        try
        {
            text.Append(encoding.GetString(bytes.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            throw Error(lineNumber, $"escaped bytes are not valid {encoding.WebName}");
        }
        bytes.Clear();
    }

    private CatalogFormatException Error(int lineNumber, string problem) => CatalogFormatException.AtLine(name, lineNumber, problem);
}
