// Splits text into pieces before byte-pair merging; merges never cross a piece boundary, and the pieces
// concatenate back to the text exactly. A piece is either
//   - a run of white space (less a final U+0020 that directly precedes a non-space run), or
//   - an optional single leading U+0020 followed by a run of one class: letters (L*), digits (N*),
//     CJK (Han ideographs, kana, Hangul: no spaces between words, so runs there are whole phrases), or
//     other (punctuation, symbols, controls). A combining mark (M*) continues the run it follows.
// Runs are cut after 64 UTF-16 units (never inside a surrogate pair) to bound the cost of merging.
// So "Open the file." → "Open", " the", " file", "." and "打开文件。" → "打开文件", "。".
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ramp.Training.Data.Tokenizers;

internal static class PreTokenizer
{
    public const int MaximumPieceLength = 64;

    private enum CharacterClass { Space, Letter, Digit, Cjk, Other }

    /// <summary>The end (exclusive) of the piece that starts at <paramref name="start"/>; pieces follow each other without gaps.</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate.</exception>
    public static int NextPiece(ReadOnlySpan<char> text, int start)
    {
        var first = ReadRune(text, start, out var width);
        if (text[start] == ' ' && start + 1 < text.Length)
        {
            var next = ReadRune(text, start + 1, out var nextWidth);
            if (!Rune.IsWhiteSpace(next))
                return ExtendRun(text, start, start + 1 + nextWidth, Classify(next, CharacterClass.Other));
        }
        if (!Rune.IsWhiteSpace(first))
            return ExtendRun(text, start, start + width, Classify(first, CharacterClass.Other));
        var end = start + width;
        while (end < text.Length && end - start < MaximumPieceLength && Rune.IsWhiteSpace(ReadRune(text, end, out width)))
        {
            if (text[end] == ' ' && end + 1 < text.Length && !Rune.IsWhiteSpace(ReadRune(text, end + 1, out _)))
                break;
            end += width;
        }
        return end;
    }

    private static int ExtendRun(ReadOnlySpan<char> text, int pieceStart, int end, CharacterClass cls)
    {
        while (end < text.Length)
        {
            var rune = ReadRune(text, end, out var width);
            if (Classify(rune, cls) != cls || end + width - pieceStart > MaximumPieceLength)
                break;
            end += width;
        }
        return end;
    }

    private static Rune ReadRune(ReadOnlySpan<char> text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out width) != OperationStatus.Done)
            throw new ArgumentException($"Text has an unpaired UTF-16 surrogate at index {index}; only well-formed Unicode can be tokenized.", nameof(text));
        return rune;
    }

    private static CharacterClass Classify(Rune rune, CharacterClass previous)
    {
        if (Rune.IsWhiteSpace(rune))
            return CharacterClass.Space;
        if (IsCjk(rune.Value))
            return CharacterClass.Cjk;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharacterClass.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharacterClass.Digit,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                => previous == CharacterClass.Space ? CharacterClass.Other : previous,
            _ => CharacterClass.Other,
        };
    }

    private static bool IsCjk(int c)
        => c is (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);
}
