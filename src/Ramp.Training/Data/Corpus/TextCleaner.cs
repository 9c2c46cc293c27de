// Cleaning of catalog strings before they become corpus pairs. The same rules run on both sides.
// Accelerators: a parenthesised marker "(_F)", "(&F)" or full-width "（_F）" (the zh_CN convention) is
// removed with the space before it; a "_" or "&" starting a word ("_File", "Save &As") is removed;
// a mid-word marker ("E_xit") is removed only when the other side names that letter in parentheses,
// because "file_name" and "LC_ALL" are far more common in catalogs than unmarked mid-word mnemonics.
// HTML entities (&amp;) and doubled markers (__, &&) are left alone.
// Format directives: printf (%s, %-5d, %1$s, %lld, %'.2f, glibc's %m; the space flag is not recognised, so that
// "50% off" survives), Python (%(name)s), Qt (%1, %L2), gettext system-dependent (%<PRIu64>) and brace
// placeholders ({0}, {0:N2}, {name}, {}) are removed; %% becomes a literal %.
// Whitespace: every run of white space (newlines and tabs included) becomes one space; ends are trimmed.
using System.Text;
using System.Text.RegularExpressions;

namespace Ramp.Training.Data.Corpus;

/// <summary>Removes accelerators and format directives and normalises white space in a translation pair.</summary>
public static partial class TextCleaner
{
    /// <summary>Cleans both sides of a pair with the selected rules; whitespace is always normalised.</summary>
    /// <returns>The cleaned source and target.</returns>
    public static (string Source, string Target) CleanPair(string source, string target, bool stripAccelerators, bool stripFormatDirectives)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (stripAccelerators)
            (source, target) = StripAccelerators(source, target);
        if (stripFormatDirectives)
        {
            source = StripFormatDirectives(source);
            target = StripFormatDirectives(target);
        }
        return (NormalizeWhitespace(source), NormalizeWhitespace(target));
    }

    /// <summary>Removes keyboard accelerators from both sides (see the file comment for the rules).</summary>
    /// <returns>The source and target without accelerators.</returns>
    public static (string Source, string Target) StripAccelerators(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var letters = new List<char>();
        target = RemoveParenthesized(target, letters);
        source = RemoveParenthesized(source, letters);
        var sourceBefore = source;
        source = WordInitialMarker().Replace(source, "");
        target = WordInitialMarker().Replace(target, "");
        if (source == sourceBefore)
            source = RemoveMidWordMarker(source, letters);
        return (source, target);
    }

    /// <summary>Removes format directives; <c>%%</c> becomes <c>%</c>.</summary>
    public static string StripFormatDirectives(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FormatDirective().Replace(text, match => match.ValueSpan is "%%" ? "%" : "");
    }

    /// <summary>Replaces each run of white space with one space and trims both ends.</summary>
    public static string NormalizeWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string RemoveParenthesized(string text, List<char> letters)
        => ParenthesizedAccelerator().Replace(text, match =>
        {
            letters.Add(match.Groups["letter"].ValueSpan[0]);
            return "";
        });

    private static string RemoveMidWordMarker(string text, List<char> letters)
    {
        foreach (var letter in letters)
        {
            for (var i = 1; i + 1 < text.Length; i++)
            {
                if (text[i] is '_' or '&' && char.ToUpperInvariant(text[i + 1]) == char.ToUpperInvariant(letter)
                    && char.IsLetterOrDigit(text[i - 1]))
                    return text.Remove(i, 1);
            }
        }
        return text;
    }

    [GeneratedRegex(@"\s*[(（][_&](?<letter>[\p{L}\p{N}])[)）]")]
    private static partial Regex ParenthesizedAccelerator();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_&])[_&](?=[\p{L}\p{N}])(?!(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);)")]
    private static partial Regex WordInitialMarker();

    [GeneratedRegex(
        @"%\([^)\s]+\)[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa]"
        + @"|%(?:\d+\$)?[-+#0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?(?:hh|h|ll|l|L|q|j|z|Z|t|I64|I32)?[diouxXeEfFgGaAcspnmCS]"
        + @"|%<PRI[A-Za-z0-9]+>"
        + @"|%L?[1-9][0-9]?"
        + @"|%%"
        + @"|(?<!\{)\{(?:[0-9]+|[A-Za-z_][A-Za-z0-9_.]*)?(?:[:!,][^{}]*)?\}(?!\})")]
    private static partial Regex FormatDirective();
}
