// Where TrainingData.Prepare takes its corpus from: `builtin`, and the fallback to the built-in corpus when the
// gettext catalogs searched (here under scratch prefixes, never the machine's own tree) give no zh_CN pairs.
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Corpus.Builtin;
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Tests.Data;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class TrainingDataTests : IDisposable
{
    private static readonly DataConfig Small = new() { SourceVocabulary = 300, TargetVocabulary = 600 };

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static int Count(ParallelCorpus corpus) => corpus.Train.Count + corpus.Valid.Count + corpus.Test.Count;

    [Fact]
    public void Builtin_selects_the_built_in_corpus_and_trains_tokenizers_on_it()
    {
        var notes = new List<string>();

        var data = TrainingData.Prepare(Small with { Corpus = "builtin" }, notes.Add);

        var builtin = BuiltinCorpus.Build();
        Assert.All(Enum.GetValues<CorpusSplit>(), split => Assert.Equal(builtin[split], data.Corpus[split]));
        Assert.Equal(data.Corpus.Train.Count, data.Train.Count);
        Assert.DoesNotContain(SpecialTokens.UnknownId, data.TargetTokenizer.Encode("无法打开文件。"));
        Assert.Empty(notes);
    }

    [Fact]
    public void Without_zh_CN_catalogs_the_built_in_corpus_is_used_and_said_in_one_note()
    {
        var prefix = Directory.CreateDirectory(Path.Combine(_scratch.Path, "usr")).FullName;
        var notes = new List<string>();

        var data = TrainingData.Prepare(Small, notes.Add, [prefix]);

        Assert.Equal(Count(BuiltinCorpus.Build()), Count(data.Corpus));
        var note = Assert.Single(notes);
        Assert.Equal($"data: no zh_CN gettext catalogs were found under {Path.Combine(prefix, "share/locale")}; using the built-in corpus of {Count(data.Corpus)} pairs of software messages", note);
    }

    [Fact]
    public void When_the_zh_CN_catalogs_give_no_pairs_the_built_in_corpus_is_used()
    {
        var prefix = Path.Combine(_scratch.Path, "usr");
        var messages = Directory.CreateDirectory(Path.Combine(prefix, "share/locale/zh_CN/LC_MESSAGES")).FullName;
        File.Copy(Fixtures.PathOf("Corpus", "broken.mo"), Path.Combine(messages, "broken.mo"));
        var notes = new List<string>();

        var data = TrainingData.Prepare(Small, notes.Add, [prefix]);

        Assert.Equal(Count(BuiltinCorpus.Build()), Count(data.Corpus));
        Assert.StartsWith($"data: the zh_CN gettext catalogs under {Path.Combine(prefix, "share/locale")} (1 found) gave no pairs; using the built-in corpus", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_language_without_catalogs_is_an_error_naming_the_language_and_the_places_searched()
    {
        var prefix = Directory.CreateDirectory(Path.Combine(_scratch.Path, "usr")).FullName;

        var error = Assert.Throws<ArgumentException>(() => TrainingData.Prepare(Small with { Language = "de" }, null, [prefix]));

        Assert.StartsWith($"data.corpus: no de gettext catalogs were found under {Path.Combine(prefix, "share/locale")}; ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_built_in_corpus_with_another_language_is_rejected_by_the_validator()
    {
        var config = new TrainingConfig { Data = new DataConfig { Corpus = "builtin", Language = "de" } };

        var error = Assert.Throws<ArgumentException>(() => ConfigValidator.Validate(config));

        Assert.Contains("data.language=de is not allowed with data.corpus=builtin", error.Message, StringComparison.Ordinal);
    }
}
