// C escape sequences in .po strings: \n \t \r \a \b \f \v \\ \" \' \?, octal \ooo (1-3 digits) and hex
// \xhh (1-2 digits). Octal and hex escapes denote bytes (so values from 0x80 up are parts of multi-byte
// characters), the others characters.
namespace Ramp.Training.Data.Gettext;

internal static class PoEscapes
{
    /// <summary>
    /// Resolves the escape whose first character (after the backslash) is at <paramref name="index"/>,
    /// leaving <paramref name="index"/> on its last character. Returns -1 for an unknown escape.
    /// </summary>
    public static int Resolve(string line, ref int index)
    {
        var c = line[index];
        switch (c)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return '\a';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return '\v';
            case '\\' or '"' or '\'' or '?': return c;
            case >= '0' and <= '7':
            {
                var value = 0;
                var end = Math.Min(index + 3, line.Length);
                for (; index < end && line[index] is >= '0' and <= '7'; index++)
                    value = (value * 8) + (line[index] - '0');
                index--;
                return value;
            }
            case 'x' when index + 1 < line.Length && char.IsAsciiHexDigit(line[index + 1]):
            {
                var value = 0;
                var end = Math.Min(index + 3, line.Length);
                for (index++; index < end && char.IsAsciiHexDigit(line[index]); index++)
                    value = (value * 16) + HexDigit(line[index]);
                index--;
                return value;
            }
            default: return -1;
        }
    }

    private static int HexDigit(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
