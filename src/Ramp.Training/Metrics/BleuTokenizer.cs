// The tokenizations sacreBLEU applies before counting n-grams: none, 13a (mteval-v13a, WMT's default) and
// zh (every Chinese character a token, the rest as 13a). Ported from sacreBLEU's semantics, quirks included:
// its table writes two supplementary-plane ranges as 5-digit \u escapes, which Python reads as a BMP
// character followed by a digit, so the ranges it really tests are U+2001..U+2A6D and U+2F81..U+2FA1.
using System.Text;
using System.Text.RegularExpressions;

namespace Ramp.Training.Metrics;

/// <summary>A sacreBLEU tokenization, by its signature name.</summary>
public enum BleuTokenization
{
    /// <summary><c>none</c>: split on whitespace only.</summary>
    None,

    /// <summary><c>13a</c>: mteval-v13a's punctuation splitting.</summary>
    Thirteen,

    /// <summary><c>zh</c>: Chinese characters one per token, then 13a's punctuation splitting.</summary>
    Chinese,
}

/// <summary>Tokenizes a segment exactly as sacreBLEU does for the chosen <see cref="BleuTokenization"/>.</summary>
public static partial class BleuTokenizer
{
    private static readonly (int First, int Last)[] ChineseRanges =
    [
        (0x3400, 0x4DB5), (0x4E00, 0x9FA5), (0x9FA6, 0x9FBB), (0xF900, 0xFA2D), (0xFA30, 0xFA6A),
        (0xFA70, 0xFAD9), (0x2001, 0x2A6D), (0x2F81, 0x2FA1), (0xFF00, 0xFFEF), (0x2E80, 0x2EFF),
        (0x3000, 0x303F), (0x31C0, 0x31EF), (0x2F00, 0x2FDF), (0x2FF0, 0x2FFF), (0x3100, 0x312F),
        (0x31A0, 0x31BF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0x2600, 0x26FF), (0x2700, 0x27BF),
        (0x3200, 0x32FF), (0x3300, 0x33FF),
    ];

    /// <summary>The tokens of <paramref name="segment"/>.</summary>
    public static string[] Tokenize(string segment, BleuTokenization tokenization)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var text = tokenization switch
        {
            BleuTokenization.None => segment,
            BleuTokenization.Thirteen => Punctuation(ReplaceEntities(segment)),
            BleuTokenization.Chinese => Punctuation(SeparateChinese(StripPythonSpace(segment))),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, "unknown BLEU tokenization"),
        };
        return SplitPythonSpace(text);
    }

    /// <summary>Whether sacreBLEU's zh tokenizer treats the code point as a Chinese character.</summary>
    public static bool IsChinese(int codePoint)
    {
        foreach (var (first, last) in ChineseRanges)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceEntities(string line) => line
        .Replace("<skipped>", string.Empty, StringComparison.Ordinal)
        .Replace("-\n", string.Empty, StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal)
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal)
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal);

    private static string SeparateChinese(string line)
    {
        var builder = new StringBuilder(line.Length * 2);
        foreach (var rune in line.EnumerateRunes())
        {
            if (IsChinese(rune.Value))
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // mteval's language-dependent rules, applied in order: symbols apart, then periods and commas apart
    // unless next to a digit, then a dash after a digit apart.
    private static string Punctuation(string line)
    {
        line = Symbols().Replace(line, " $1 ");
        line = PeriodAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodBeforeNonDigit().Replace(line, " $1 $2");
        return DashAfterDigit().Replace(line, "$1 $2 ");
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex PeriodAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex PeriodBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();

    // Python's str.isspace: .NET's white space plus the information separators U+001C..U+001F.
    private static bool IsPythonSpace(char character) => char.IsWhiteSpace(character) || character is >= '\u001C' and <= '\u001F';

    private static string StripPythonSpace(string line)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && IsPythonSpace(line[start]))
        {
            start++;
        }

        while (end > start && IsPythonSpace(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static string[] SplitPythonSpace(string line)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var space = i == line.Length || IsPythonSpace(line[i]);
            if (space && start >= 0)
            {
                tokens.Add(line[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return [.. tokens];
    }
}
