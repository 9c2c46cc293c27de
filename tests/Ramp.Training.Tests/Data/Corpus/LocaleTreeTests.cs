// Catalog discovery in a locale tree built in a scratch directory (not the machine's own tree).
using Ramp.Training.Data.Corpus;

namespace Ramp.Training.Tests.Data.Corpus;

public sealed class LocaleTreeTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Install(string prefix, string relativeDirectory, string name)
    {
        var directory = Path.Combine(_scratch.Path, prefix, relativeDirectory, "LC_MESSAGES");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.Copy(Fixtures.PathOf("Corpus", "viewer.mo"), path);
        return path;
    }

    [Fact]
    public void Finds_the_language_and_its_codeset_variants_in_locale_and_langpack_trees()
    {
        var expected = new[]
        {
            Install("usr", "share/locale/zh_CN", "a.mo"),
            Install("usr", "share/locale/zh_CN.UTF-8", "b.mo"),
            Install("opt/app", "share/locale-langpack/zh_CN", "c.mo"),
        };
        Install("usr", "share/locale/zh_TW", "other-territory.mo");
        Install("usr", "share/locale/zh", "language-only.mo");
        Install("usr", "share/locale/zh_CN@variant", "modifier.mo");
        File.WriteAllText(Path.Combine(_scratch.Path, "usr/share/locale/zh_CN/LC_MESSAGES/readme.txt"), "not a catalog");

        var prefixes = new[] { Path.Combine(_scratch.Path, "usr"), Path.Combine(_scratch.Path, "usr/local"), Path.Combine(_scratch.Path, "opt/app") };
        Assert.Equal(expected.Order(StringComparer.Ordinal), LocaleTree.FindCatalogs("zh_CN", prefixes));
    }

    [Fact]
    public void Corpus_builds_from_the_locale_tree_of_the_given_prefixes()
    {
        Install("usr", "share/locale/zh_CN", "viewer.mo");
        var result = GettextCorpus.Build(new GettextCorpusOptions { Language = "zh_CN", LocalePrefixes = [Path.Combine(_scratch.Path, "usr")] });
        Assert.Equal(1, result.Statistics.CatalogsRead);
        Assert.Equal(4, result.Statistics.Pairs);
        Assert.Single(result.Statistics.SearchedDirectories);
    }

    [Fact]
    public void No_catalog_for_the_language_is_an_error_naming_the_language()
    {
        var error = Assert.Throws<ArgumentException>(() => GettextCorpus.Build(
            new GettextCorpusOptions { Language = "xx_YY", LocalePrefixes = [_scratch.Path] }));
        Assert.Contains("'xx_YY'", error.Message, StringComparison.Ordinal);
    }
}
