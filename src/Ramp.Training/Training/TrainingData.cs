// The data of a run: the corpus and both tokenizers, kept in the run directory so that a resumed run, `ramp eval`
// and `ramp translate` see exactly what training saw:
//   corpus/               train.jsonl, valid.jsonl, test.jsonl (a copy of the corpus the run was started on)
//   source.tokenizer.json byte-level BPE of the English sources (data.source_vocabulary)
//   target.tokenizer.json characters (data.target_tokenizer char) or BPE of the targets
// Tokenizers are trained on the training split only. The corpus is data.corpus: a directory, `builtin` (the corpus
// shipped with Ramp), or empty for the machine's gettext catalogs of data.language; when those give no pairs and the
// language is zh_CN, the built-in corpus stands in for them, and the caller is told in one line.
using Ramp.Training.Data.Batching;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Corpus.Builtin;
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Training;

/// <summary>The corpus, the tokenizers and the encoded pairs of a run.</summary>
public sealed class TrainingData
{
    private TrainingData(ParallelCorpus corpus, ITokenizer sourceTokenizer, ITokenizer targetTokenizer)
    {
        Corpus = corpus;
        SourceTokenizer = sourceTokenizer;
        TargetTokenizer = targetTokenizer;
        Train = TokenizedPair.Encode(corpus.Train, sourceTokenizer, targetTokenizer);
        Valid = TokenizedPair.Encode(corpus.Valid, sourceTokenizer, targetTokenizer);
        Test = TokenizedPair.Encode(corpus.Test, sourceTokenizer, targetTokenizer);
    }

    /// <summary>The sentence pairs of each split.</summary>
    public ParallelCorpus Corpus { get; }

    /// <summary>The English tokenizer.</summary>
    public ITokenizer SourceTokenizer { get; }

    /// <summary>The target-language tokenizer.</summary>
    public ITokenizer TargetTokenizer { get; }

    /// <summary>The training pairs as token ids, in corpus order.</summary>
    public IReadOnlyList<TokenizedPair> Train { get; }

    /// <summary>The validation pairs as token ids, in corpus order.</summary>
    public IReadOnlyList<TokenizedPair> Valid { get; }

    /// <summary>The test pairs as token ids, in corpus order.</summary>
    public IReadOnlyList<TokenizedPair> Test { get; }

    /// <summary>The corpus folder of a run directory.</summary>
    public static string CorpusPath(RunDirectory run) => Path.Combine(Checked(run).Path, "corpus");

    /// <summary>The source tokenizer file of a run directory.</summary>
    public static string SourceTokenizerPath(RunDirectory run) => Path.Combine(Checked(run).Path, "source.tokenizer.json");

    /// <summary>The target tokenizer file of a run directory.</summary>
    public static string TargetTokenizerPath(RunDirectory run) => Path.Combine(Checked(run).Path, "target.tokenizer.json");

    /// <summary>Builds or reads the corpus named by <paramref name="config"/> and trains the tokenizers on its training split.</summary>
    /// <param name="config">The data section of the run's config.</param>
    /// <param name="note">Told in one line when the built-in corpus stands in for missing zh_CN catalogs.</param>
    /// <param name="localePrefixes">
    /// The install prefixes searched for catalogs when data.corpus is empty; null means <see cref="LocaleTree.DefaultPrefixes"/>.
    /// </param>
    /// <exception cref="ArgumentException">The corpus cannot be found, or its training or validation split is empty.</exception>
    public static TrainingData Prepare(DataConfig config, Action<string>? note = null, IReadOnlyList<string>? localePrefixes = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var corpus = config.Corpus switch
        {
            "" => FromCatalogs(config.Language, localePrefixes ?? LocaleTree.DefaultPrefixes(), note),
            BuiltinCorpus.Name => BuiltinCorpus.Build(),
            _ => ParallelCorpus.Read(config.Corpus),
        };
        if (corpus.Train.Count == 0 || corpus.Valid.Count == 0)
        {
            throw new ArgumentException($"data.corpus: the corpus has {corpus.Train.Count} training and {corpus.Valid.Count} validation pairs; both splits need at least one");
        }

        var sourceTokenizer = BytePairTokenizer.Train(corpus.Train.Select(pair => pair.Source), config.SourceVocabulary);
        var targets = corpus.Train.Select(pair => pair.Target);
        ITokenizer targetTokenizer = config.TargetTokenizer == "bpe"
            ? BytePairTokenizer.Train(targets, config.TargetVocabulary)
            : CharacterTokenizer.Build(targets, new CharacterTokenizerOptions { MaximumVocabularySize = Math.Max(config.TargetVocabulary, SpecialTokens.Count + 256) });
        return new TrainingData(corpus, sourceTokenizer, targetTokenizer);
    }

    // The gettext corpus of the language, or for zh_CN the built-in corpus when the catalogs give no pairs.
    private static ParallelCorpus FromCatalogs(string language, IReadOnlyList<string> prefixes, Action<string>? note)
    {
        var options = new GettextCorpusOptions { Language = language, LocalePrefixes = prefixes };
        options.Validate();
        var catalogs = LocaleTree.FindCatalogs(language, prefixes).Count;
        if (catalogs > 0)
        {
            var built = GettextCorpus.Build(options);
            if (built.Statistics.Pairs > 0)
            {
                return built.Corpus;
            }
        }

        var places = string.Join(", ", prefixes.Select(prefix => Path.Combine(prefix, "share/locale")));
        var found = catalogs == 0 ? $"no {language} gettext catalogs were found under {places}" : $"the {language} gettext catalogs under {places} ({catalogs} found) gave no pairs";
        if (language != BuiltinCorpus.Language)
        {
            throw new ArgumentException($"data.corpus: {found}; give data.corpus a corpus directory (ramp data gettext --lang {language} --from DIR -o CORPUS), or '{BuiltinCorpus.Name}' for the English to {BuiltinCorpus.Language} corpus shipped with Ramp");
        }

        var corpus = BuiltinCorpus.Build();
        note?.Invoke($"data: {found}; using the built-in corpus of {corpus.Train.Count + corpus.Valid.Count + corpus.Test.Count} pairs of software messages");
        return corpus;
    }

    /// <summary>Saves the corpus and the tokenizers into <paramref name="run"/>, where <see cref="Load"/> finds them.</summary>
    public void Save(RunDirectory run)
    {
        Corpus.Write(CorpusPath(run));
        SourceTokenizer.Save(SourceTokenizerPath(run));
        TargetTokenizer.Save(TargetTokenizerPath(run));
    }

    /// <summary>Reads the corpus and tokenizers a run saved with <see cref="Prepare"/>.</summary>
    /// <exception cref="ArgumentException">The run directory does not hold them.</exception>
    public static TrainingData Load(RunDirectory run)
    {
        var tokenizers = LoadTokenizers(run);
        return new TrainingData(ParallelCorpus.Read(CorpusPath(run)), tokenizers.Source, tokenizers.Target);
    }

    /// <summary>Reads only the tokenizers of a run (for translation).</summary>
    /// <exception cref="ArgumentException">The run directory does not hold them.</exception>
    public static (ITokenizer Source, ITokenizer Target) LoadTokenizers(RunDirectory run)
    {
        var source = SourceTokenizerPath(run);
        var target = TargetTokenizerPath(run);
        if (!File.Exists(source) || !File.Exists(target))
        {
            throw new ArgumentException($"'{Checked(run).Path}' has no tokenizers (source.tokenizer.json, target.tokenizer.json); was it made by ramp train?");
        }

        return (TokenizerFile.Load(source), TokenizerFile.Load(target));
    }

    private static RunDirectory Checked(RunDirectory run) => run ?? throw new ArgumentNullException(nameof(run));
}
