// Pieces: runs of one character class, a single leading space attached, white space on its own.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Tokenizers;

public class PreTokenizerTests
{
    private static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = PreTokenizer.NextPiece(text, start);
            Assert.True(end > start);
            pieces.Add(text[start..end]);
            start = end;
        }
        return pieces;
    }

    [Theory]
    [InlineData("Open the file.", new[] { "Open", " the", " file", "." })]
    [InlineData("打开文件。", new[] { "打开文件", "。" })]
    [InlineData("Copy 3 files (%s)", new[] { "Copy", " 3", " files", " (%", "s", ")" })]
    [InlineData("a  b", new[] { "a", " ", " b" })]
    [InlineData("a \n b\n", new[] { "a", " \n", " b", "\n" })]
    [InlineData("GTK图标", new[] { "GTK", "图标" })]
    [InlineData("café 😀😀", new[] { "café", " 😀😀" })]
    public void Text_is_split_into_runs_of_one_class_with_a_leading_space(string text, string[] expected)
        => Assert.Equal(expected, Pieces(text));

    [Fact]
    public void Combining_marks_continue_the_run_they_follow()
        => Assert.Equal(["e\u0301te\u0301"], Pieces("e\u0301te\u0301"));

    [Fact]
    public void Long_runs_are_cut_at_the_maximum_piece_length_but_never_inside_a_surrogate_pair()
    {
        var pieces = Pieces(string.Concat(Enumerable.Repeat("😀", 40)));
        Assert.All(pieces, p => Assert.InRange(p.Length, 2, PreTokenizer.MaximumPieceLength));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Pieces_concatenate_back_to_the_text()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomText.Next(random, 120);
            Assert.Equal(text, string.Concat(Pieces(text)));
        }
    }

    [Fact]
    public void Unpaired_surrogate_is_rejected()
        => Assert.Throws<ArgumentException>(() => Pieces("ab\uD800cd"));
}
