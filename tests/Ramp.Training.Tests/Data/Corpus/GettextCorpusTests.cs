// The corpus builder on Fixtures/Corpus: editor.po, nested/tools/terminal.po, viewer.mo (zh_CN),
// german.po (Language: de) and broken.mo (bad magic). Expected counts, worked out from those files:
//   entries 22 = editor 12 + terminal 4 + viewer 6; dropped: header 3, fuzzy 1, untranslated 1,
//   empty after cleaning 1 ("\n"), identical 1 (GNOME), too long 1 (with MaximumLength 40),
//   duplicate pairs 4 (Open file, Save→保存 once, Save→存储 twice); "Save" has two targets:
//   存储 seen 3 times, 保存 twice, so MostFrequent keeps 存储 and First keeps 保存.
using System.Text.Json;
using Ramp.Training.Data.Corpus;

namespace Ramp.Training.Tests.Data.Corpus;

public class GettextCorpusTests
{
    private static GettextCorpusOptions Options(MultipleTargetPolicy policy = MultipleTargetPolicy.MostFrequent) => new()
    {
        Language = "zh_CN",
        SourceDirectory = Fixtures.PathOf("Corpus"),
        MaximumLength = 40,
        MultipleTargets = policy,
    };

    private static IEnumerable<SentencePair> All(ParallelCorpus corpus) => corpus.Train.Concat(corpus.Valid).Concat(corpus.Test);

    [Fact]
    public void Statistics_count_every_entry_once_by_reason()
    {
        var statistics = GettextCorpus.Build(Options()).Statistics;
        Assert.Equal(5, statistics.CatalogsFound);
        Assert.Equal(3, statistics.CatalogsRead);
        Assert.Equal(22, statistics.EntriesSeen);
        Assert.Equal(1, statistics.PluralEntries);
        var expected = new Dictionary<DropReason, long>
        {
            [DropReason.Header] = 3, [DropReason.Fuzzy] = 1, [DropReason.Untranslated] = 1,
            [DropReason.EmptyAfterCleaning] = 1, [DropReason.IdenticalToSource] = 1, [DropReason.TooShort] = 0,
            [DropReason.TooLong] = 1, [DropReason.DuplicatePair] = 4, [DropReason.AlternativeTarget] = 1,
        };
        Assert.Equal(expected, statistics.Dropped);
        Assert.Equal(1, statistics.SourcesWithSeveralTargets);
        Assert.Equal(9, statistics.Pairs);
        Assert.Equal(statistics.EntriesSeen, statistics.Dropped.Values.Sum() + statistics.Pairs);
    }

    [Fact]
    public void Malformed_and_other_language_catalogs_are_skipped_with_their_reason()
    {
        var skipped = GettextCorpus.Build(Options()).Statistics.SkippedCatalogs;
        Assert.Equal(2, skipped.Count);
        Assert.EndsWith("broken.mo", skipped[0].Path, StringComparison.Ordinal);
        Assert.Contains("at byte offset 0", skipped[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("german.po", skipped[1].Path, StringComparison.Ordinal);
        Assert.Contains("declares language 'de'", skipped[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MultipleTargetPolicy.MostFrequent, new[] { "存储" })]
    [InlineData(MultipleTargetPolicy.First, new[] { "保存" })]
    [InlineData(MultipleTargetPolicy.KeepAll, new[] { "保存", "存储" })]
    public void Policy_decides_which_translations_of_one_source_are_kept(MultipleTargetPolicy policy, string[] targets)
    {
        var result = GettextCorpus.Build(Options(policy));
        var save = All(result.Corpus).Where(p => p.Source == "Save").ToList();
        Assert.Equal(targets, save.Select(p => p.Target));
        Assert.Equal(result.Statistics.EntriesSeen, result.Statistics.Dropped.Values.Sum() + result.Statistics.Pairs);
    }

    [Fact]
    public void Pairs_are_cleaned_and_plural_entries_give_their_singular_pair()
    {
        var pairs = All(GettextCorpus.Build(Options()).Corpus).ToDictionary(p => p.Source, p => p.Target);
        Assert.Equal("已删除 %d 个文件", pairs["%d file deleted"]);
        Assert.Equal("打印 预览", pairs["Print preview"]);
        Assert.Equal("退出(_Q)", pairs["_Quit"]);
        Assert.DoesNotContain("GNOME", pairs.Keys);
        Assert.DoesNotContain("Close", pairs.Keys);

        var stripped = GettextCorpus.Build(Options() with { StripAccelerators = true, StripFormatDirectives = true }).Corpus;
        var strippedPairs = All(stripped).ToDictionary(p => p.Source, p => p.Target);
        Assert.Equal("退出", strippedPairs["Quit"]);
        Assert.Equal("已删除 个文件", strippedPairs["file deleted"]);
    }

    [Fact]
    public void Every_pair_is_in_the_split_its_source_hash_selects()
    {
        var options = Options() with { ValidFraction = 0.3, TestFraction = 0.3 };
        var corpus = GettextCorpus.Build(options).Corpus;
        foreach (var split in Enum.GetValues<CorpusSplit>())
            Assert.All(corpus[split], p => Assert.Equal(split, CorpusSplitter.Assign(p.Source, 0.3, 0.3)));
    }

    [Fact]
    public void Building_twice_gives_the_same_corpus()
    {
        var first = GettextCorpus.Build(Options()).Corpus;
        var second = GettextCorpus.Build(Options()).Corpus;
        foreach (var split in Enum.GetValues<CorpusSplit>())
            Assert.Equal(first[split], second[split]);
    }

    [Fact]
    public void Origin_names_the_catalog_where_the_kept_translation_was_first_seen()
    {
        var pairs = All(GettextCorpus.Build(Options()).Corpus).ToDictionary(p => p.Source);
        Assert.EndsWith("editor.po", pairs["Save"].Origin, StringComparison.Ordinal);
        Assert.EndsWith("viewer.mo", pairs["Zoom in"].Origin, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("nested", "tools", "terminal.po"), pairs["New tab"].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_corpus_reads_back_and_stats_json_matches()
    {
        using var scratch = new ScratchDirectory();
        var result = GettextCorpus.Build(Options() with { ValidFraction = 0.3, TestFraction = 0.3 });
        result.WriteTo(scratch.Path);
        result.WriteTo(scratch.Path);

        Assert.Equal(["stats.json", "test.jsonl", "train.jsonl", "valid.jsonl"],
            Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var read = ParallelCorpus.Read(scratch.Path);
        foreach (var split in Enum.GetValues<CorpusSplit>())
            Assert.Equal(result.Corpus[split], read[split]);
        // Chinese is written as text, not as \u escapes.
        var lines = string.Concat(Enum.GetValues<CorpusSplit>().Select(split => File.ReadAllText(Path.Combine(scratch.Path, ParallelCorpus.FileName(split)))));
        Assert.Contains("\"target\":\"打开文件\"", lines, StringComparison.Ordinal);

        using var stats = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(scratch.Path, "stats.json")));
        Assert.Equal(22, stats.RootElement.GetProperty("entriesSeen").GetInt64());
        Assert.Equal(4, stats.RootElement.GetProperty("dropped").GetProperty("duplicatePair").GetInt64());
        var splitPairs = stats.RootElement.GetProperty("splits").EnumerateObject().Sum(s => s.Value.GetProperty("pairs").GetInt64());
        Assert.Equal(result.Statistics.Pairs, splitPairs);
    }

    [Fact]
    public void Text_summary_reports_catalogs_drops_and_splits()
    {
        var text = GettextCorpus.Build(Options()).Statistics.ToText();
        Assert.Contains("catalogs: 5 found, 3 read, 2 skipped", text, StringComparison.Ordinal);
        Assert.Contains("entries: 22 seen, 9 kept as pairs (1 plural entries as their singular pair)", text, StringComparison.Ordinal);
        Assert.Matches(@"duplicatePair\s+4\n", text);
        Assert.Matches(@"\ntrain\s+\d+", text);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("zh CN")]
    [InlineData("")]
    public void Bad_language_name_is_rejected(string language)
        => Assert.Throws<ArgumentException>(() => GettextCorpus.Build(Options() with { Language = language }));

    [Fact]
    public void Bad_options_are_rejected_with_the_option_named()
    {
        Assert.Equal("TestFraction", Assert.Throws<ArgumentException>(() => GettextCorpus.Build(Options() with { ValidFraction = 0.5, TestFraction = 0.5 })).ParamName);
        Assert.Equal("MaximumLength", Assert.Throws<ArgumentException>(() => GettextCorpus.Build(Options() with { MinimumLength = 50 })).ParamName);
        Assert.Throws<ArgumentException>(() => GettextCorpus.Build(Options() with { SourceDirectory = Fixtures.PathOf("no-such-directory") }));
    }
}
