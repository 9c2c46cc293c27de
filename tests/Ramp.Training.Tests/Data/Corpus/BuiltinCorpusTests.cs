// The built-in English → zh_CN corpus: deterministic, one translation per source, Chinese on every target side,
// split like the gettext corpus, and hand-checked translations of a few generated messages (expected values are
// written here from the glossary's words and the patterns' Chinese, not read back from the generator).
using System.Globalization;
using System.Text.RegularExpressions;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Corpus.Builtin;

namespace Ramp.Training.Tests.Data.Corpus;

public class BuiltinCorpusTests
{
    private static readonly IReadOnlyList<SentencePair> Pairs = BuiltinCorpus.Pairs();

    [Fact]
    public void Generating_twice_gives_the_same_pairs_in_the_same_order()
    {
        Assert.Equal(Pairs, BuiltinCorpus.Pairs());
    }

    [Fact]
    public void Has_between_ten_and_twenty_thousand_pairs_with_distinct_sources()
    {
        Assert.InRange(Pairs.Count, 10_000, 20_000);
        Assert.Equal(Pairs.Count, Pairs.Select(pair => pair.Source).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_pair_has_both_sides_trimmed_and_non_empty_Chinese_targets_and_the_builtin_origin()
    {
        Assert.All(Pairs, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Source));
            Assert.Equal(pair.Source.Trim(), pair.Source);
            Assert.Equal(pair.Target.Trim(), pair.Target);
            Assert.Contains(pair.Target, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.DoesNotContain('{', pair.Source + pair.Target);
            Assert.Equal("ramp-builtin", pair.Origin);
        });
    }

    [Fact]
    public void Splits_are_non_empty_disjoint_and_follow_the_source_hash_with_the_gettext_fractions()
    {
        var corpus = BuiltinCorpus.Build();
        var defaults = new GettextCorpusOptions { Language = "zh_CN" };

        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            Assert.NotEmpty(corpus[split]);
            Assert.All(corpus[split], pair => Assert.Equal(split, CorpusSplitter.Assign(pair.Source, defaults.ValidFraction, defaults.TestFraction)));
        }

        var all = corpus.Train.Concat(corpus.Valid).Concat(corpus.Test).ToList();
        Assert.Equal(Pairs.Count, all.Count);
        Assert.True(Pairs.ToHashSet().SetEquals(all));
    }

    [Fact]
    public void The_first_validation_pairs_spread_over_many_verbs_and_patterns()
    {
        var corpus = BuiltinCorpus.Build();

        Assert.InRange(corpus.Valid.Take(150).Select(pair => pair.Source.Split(' ')[0]).Distinct().Count(), 40, 150);
        Assert.All(Enum.GetValues<CorpusSplit>(), split =>
        {
            var hashes = corpus[split].Select(pair => CorpusSplitter.HashFraction(pair.Source)).ToList();
            Assert.Equal(hashes.Order(), hashes);
        });
    }

    [Fact]
    public void Other_fractions_move_pairs_between_splits_and_bad_ones_are_rejected()
    {
        var corpus = BuiltinCorpus.Build(0.2, 0.1);

        Assert.InRange(corpus.Valid.Count, Pairs.Count * 0.17, Pairs.Count * 0.23);
        Assert.InRange(corpus.Test.Count, Pairs.Count * 0.08, Pairs.Count * 0.12);
        Assert.Throws<ArgumentException>(() => BuiltinCorpus.Build(0.6, 0.5));
    }

    [Theory]
    [InlineData("Open file", "打开文件")]
    [InlineData("Open the file", "打开文件")]
    [InlineData("Could not open the file.", "无法打开文件。")]
    [InlineData("Could not save the document.", "无法保存文档。")]
    [InlineData("Installing package…", "正在安装软件包…")]
    [InlineData("Backing up file…", "正在备份文件…")]
    [InlineData("Connecting to server…", "正在连接到服务器…")]
    [InlineData("Could not connect to the network.", "无法连接到网络。")]
    [InlineData("Stopping service…", "正在停止服务…")]
    [InlineData("Ejecting disc…", "正在弹出光盘…")]
    [InlineData("The printer was not found.", "未找到打印机。")]
    [InlineData("Trash not found", "未找到回收站")]
    [InlineData("1 image", "1 张图像")]
    [InlineData("1 email", "1 封电子邮件")]
    [InlineData("1 song", "1 首歌曲")]
    [InlineData("1 server", "1 台服务器")]
    [InlineData("Previous message", "上一条消息")]
    [InlineData("Next meeting", "下一场会议")]
    [InlineData("A user with this name already exists.", "同名用户已存在。")]
    [InlineData("An account with this name already exists.", "同名账户已存在。")]
    [InlineData("The file \"%s\" already exists.", "文件“%s”已存在。")]
    [InlineData("The archive is corrupted.", "归档文件已损坏。")]
    [InlineData("Permission denied.", "权限不足。")]
    [InlineData("Cancel", "取消")]
    public void Generated_messages_have_their_hand_checked_translation(string source, string target)
    {
        Assert.Equal(target, Assert.Single(Pairs, pair => pair.Source == source).Target);
    }

    [Fact]
    public void A_count_of_an_object_is_translated_with_the_measure_word_of_that_object()
    {
        var checkedCounts = 0;
        foreach (var noun in Nouns.All.Where(noun => noun.Countable))
        {
            var counted = new Regex($@"\b(\d+) {Regex.Escape(noun.Plural)}\b");
            foreach (var pair in Pairs)
            {
                if (counted.Match(pair.Source) is { Success: true } match)
                {
                    Assert.Contains($"{match.Groups[1].Value} {noun.Measure}{noun.Chinese}", pair.Target, StringComparison.Ordinal);
                    checkedCounts++;
                }
            }
        }

        Assert.InRange(checkedCounts, 1000, int.MaxValue);
    }

    [Fact]
    public void Uncountable_nouns_never_appear_in_the_plural_or_with_a_number()
    {
        Assert.DoesNotContain(Pairs, pair => pair.Source.Contains("histories", StringComparison.Ordinal) || pair.Source.Contains("firmwares", StringComparison.Ordinal));
        Assert.DoesNotContain(Pairs, pair => pair.Target.Contains("个历史记录", StringComparison.Ordinal) || pair.Target.Contains("个回收站", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_without_a_name_are_not_named_and_verbs_without_a_passive_have_none()
    {
        Assert.DoesNotContain(Pairs, pair => pair.Source == "Message name" || pair.Source == "Password name");
        Assert.DoesNotContain(Pairs, pair => pair.Source.StartsWith("The server was connected to", StringComparison.Ordinal));
        Assert.DoesNotContain(Pairs, pair => pair.Source.EndsWith(" previewed", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_verb_names_distinct_objects_and_every_noun_is_the_object_of_some_verb()
    {
        Assert.All(Verbs.All, verb => Assert.Equal(verb.Objects.Count, verb.Objects.Distinct().Count()));
        var used = Verbs.All.SelectMany(verb => verb.Objects).ToHashSet();
        Assert.All(Nouns.All, noun => Assert.Contains(noun, used));
        Assert.Equal(Nouns.All.Count, Nouns.All.Select(noun => noun.Singular).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_rotating_pattern_is_used_and_a_verb_with_a_stride_of_objects_meets_each_of_them()
    {
        var sources = Pairs.Select(pair => pair.Source).ToHashSet(StringComparer.Ordinal);
        var openings = Templates.Rotating.Select(template => template.English[..template.English.IndexOf('{', StringComparison.Ordinal)]).Where(prefix => prefix.Length > 0).Distinct().ToList();
        string[] patterns = ["Failed to {0} {1}: %s", "Failed to {0} the {1}.", "Do not {0} the {1}", "Would you like to {0} the {1}?", "Ready to {0} the {1}."];

        Assert.All(openings, prefix => Assert.Contains(sources, source => source.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(Verbs.All.Where(verb => verb.Objects.Count >= BuiltinCorpus.Stride), verb => Assert.All(patterns, pattern =>
            Assert.Contains(verb.Objects, noun => sources.Contains(string.Format(CultureInfo.InvariantCulture, pattern, verb.Base, noun.Singular)))));
    }

    [Fact]
    public void An_unknown_noun_in_a_verb_list_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Nouns.Parse("file, flie"));

        Assert.Contains("'flie'", error.Message, StringComparison.Ordinal);
    }
}
