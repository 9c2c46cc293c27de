// `ramp data gettext` on a catalog the test writes: the corpus files, the statistics it prints, and
// one-line errors with exit code 2 for a language without catalogs, a bad split and an output that is a file.
namespace Ramp.Cli.Tests.Data;

public sealed class GettextCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-gettext-").FullName;

    public GettextCommandTests()
    {
        var catalogs = Directory.CreateDirectory(Path.Combine(directory, "po")).FullName;
        File.WriteAllText(Path.Combine(catalogs, "app.po"), """
            msgid ""
            msgstr ""
            "Language: zh_CN\n"
            "Content-Type: text/plain; charset=UTF-8\n"

            msgid "_Open File"
            msgstr "打开文件(_O)"

            msgid "Save"
            msgstr "保存"

            #, fuzzy
            msgid "Quit"
            msgstr "退出"

            msgid "Untranslated"
            msgstr ""
            """);
    }

    [Fact]
    public void Builds_the_corpus_and_prints_its_statistics()
    {
        var output = Path.Combine(directory, "corpus");

        var result = Cli.Run("data", "gettext", "--lang", "zh_CN", "--from", Path.Combine(directory, "po"), "-o", output, "--strip-accelerators", "--split", "0,0");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("catalogs: 1 found, 1 read, 0 skipped", result.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(output, "train.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.Contains("\"source\":\"Open File\"", StringComparison.Ordinal) && line.Contains("\"target\":\"打开文件\"", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "stats.json")));
        Assert.Empty(File.ReadAllLines(Path.Combine(output, "valid.jsonl")));
    }

    [Fact]
    public void A_language_without_catalogs_is_bad_input()
    {
        var line = Cli.Run("data", "gettext", "--lang", "xx_YY", "--from", Path.Combine(directory, "po"), "-o", Path.Combine(directory, "out")).SingleErrorLine();

        Assert.StartsWith("ramp data gettext: no xx_YY translations found in ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--split", "0.5", "ramp data gettext: --split '0.5' must give two fractions, VALID,TEST, e.g. 0.05,0.05")]
    [InlineData("--split", "0.5,x", "ramp data gettext: --split '0.5,x': item 2 'x' is not a finite number; allowed: comma-separated fractions in [0, 1), e.g. 0.1,0.01")]
    [InlineData("--targets", "best", "ramp data gettext: --targets 'best' is not allowed; allowed: most-frequent, first, all")]
    [InlineData("--max-length", "0", "ramp data gettext: --max-length 0 is out of range; allowed: a whole number from 1 to 100000")]
    public void Bad_options_are_named_in_one_line(string option, string value, string message)
    {
        var line = Cli.Run("data", "gettext", "--lang", "zh_CN", "--from", Path.Combine(directory, "po"), "-o", Path.Combine(directory, "out"), option, value).SingleErrorLine();

        Assert.Equal(message, line);
    }

    [Fact]
    public void An_output_that_is_a_file_is_bad_input()
    {
        var file = Path.Combine(directory, "taken");
        File.WriteAllText(file, "x");

        var line = Cli.Run("data", "gettext", "--lang", "zh_CN", "--from", Path.Combine(directory, "po"), "-o", file).SingleErrorLine();

        Assert.EndsWith("is a file; allowed: a directory (created if missing)", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
