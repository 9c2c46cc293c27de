// Random well-formed Unicode strings for round-trip properties: ASCII words and punctuation, white space
// and controls, CJK, combining marks, other BMP characters (surrogates excluded) and astral characters
// (emoji and beyond, written as surrogate pairs).
using System.Text;

namespace Ramp.Training.Tests.Data.Tokenizers;

internal static class RandomText
{
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]{}%&_-+=/\\";

    public static string Next(Random random, int maximumLength = 40)
    {
        var text = new StringBuilder();
        var length = random.Next(maximumLength + 1);
        for (var i = 0; i < length; i++)
        {
            var codePoint = random.Next(8) switch
            {
                0 or 1 or 2 => Ascii[random.Next(Ascii.Length)],
                3 => "\n\t\r \0\u3000\u00A0"[random.Next(7)],
                4 => 0x4E00 + random.Next(0x5000),
                5 => 0x0300 + random.Next(0x70),
                6 => NextBmp(random),
                _ => random.Next(2) == 0 ? 0x1F600 + random.Next(0x50) : 0x10000 + random.Next(0x100000),
            };
            text.Append(new Rune(codePoint).ToString());
        }
        return text.ToString();
    }

    private static int NextBmp(Random random)
    {
        while (true)
        {
            var c = random.Next(0x10000);
            if (c is < 0xD800 or > 0xDFFF)
                return c;
        }
    }
}
