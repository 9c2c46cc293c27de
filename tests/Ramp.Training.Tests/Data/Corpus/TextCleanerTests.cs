// Accelerator and format-directive stripping, on strings of the kinds found in real zh_CN catalogs.
using Ramp.Training.Data.Corpus;

namespace Ramp.Training.Tests.Data.Corpus;

public class TextCleanerTests
{
    [Theory]
    [InlineData("_File", "文件(_F)", "File", "文件")]
    [InlineData("Save &As", "另存为(&A)", "Save As", "另存为")]
    [InlineData("Open (_O)…", "打开（_O）…", "Open…", "打开…")]
    [InlineData("E_xit", "退出(_X)", "Exit", "退出")]
    [InlineData("P_ause", "暂停(_A)", "Pause", "暂停")]
    [InlineData("_Help", "_Help", "Help", "Help")]
    public void Accelerators_are_removed_on_both_sides(string source, string target, string cleanSource, string cleanTarget)
        => Assert.Equal((cleanSource, cleanTarget), TextCleaner.CleanPair(source, target, stripAccelerators: true, stripFormatDirectives: false));

    [Theory]
    [InlineData("file_name", "文件_名")]
    [InlineData("LC_ALL is set", "已设置 LC_ALL")]
    [InlineData("Tom & Jerry", "汤姆 & 杰瑞")]
    [InlineData("&amp; and &#38;", "&amp; 和 &#38;")]
    [InlineData("__init__ failed", "__init__ 失败")]
    [InlineData("E_xit", "退出")]
    public void Underscores_and_ampersands_that_are_not_accelerators_stay(string source, string target)
        => Assert.Equal((source, target), TextCleaner.StripAccelerators(source, target));

    [Theory]
    [InlineData("%s: %d files", ": files")]
    [InlineData("%1$s of %2$lu", "of")]
    [InlineData("%(count)d items in %(folder)s", "items in")]
    [InlineData("Page %1 of %L2", "Page of")]
    [InlineData("{0} of {name:N2} and {}", "of and")]
    [InlineData("100%% done", "100% done")]
    [InlineData("50% off", "50% off")]
    [InlineData("Size %'.2f MB, %-5d rows, %lld bytes", "Size MB, rows, bytes")]
    [InlineData("cannot open: %m", "cannot open:")]
    [InlineData("%<PRIu64> bytes", "bytes")]
    [InlineData("{{literal}} braces", "{{literal}} braces")]
    public void Format_directives_are_removed_and_percent_percent_becomes_percent(string text, string expected)
        => Assert.Equal((expected, expected), TextCleaner.CleanPair(text, text, stripAccelerators: false, stripFormatDirectives: true));

    [Theory]
    [InlineData(" a\n\tb  c ", "a b c")]
    [InlineData("打印\n预览", "打印 预览")]
    [InlineData("\n", "")]
    [InlineData("same", "same")]
    public void Whitespace_runs_become_one_space_and_ends_are_trimmed(string text, string expected)
        => Assert.Equal(expected, TextCleaner.NormalizeWhitespace(text));

    [Fact]
    public void Without_stripping_only_whitespace_changes()
        => Assert.Equal(("_Open %s", "打开 %s(_O)"), TextCleaner.CleanPair("_Open  %s", "打开 %s(_O)\n", false, false));
}
