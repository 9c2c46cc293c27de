// The English → Simplified Chinese corpus shipped with Ramp: UI messages of software, generated from a glossary and
// sentence patterns written for Ramp (Nouns, Verbs, Templates, Phrases; nothing is taken from gettext catalogs or
// other projects). `data.corpus: builtin` selects it, and `ramp demo` falls back to it on a machine without zh_CN
// catalogs. Generation is deterministic, in this order:
//   1. every verb with each of its objects, through every Core template, and through the Rotating templates whose
//      turn it is (index of the verb-object pair + index of the template ≡ 0 mod Stride): a verb with Stride objects
//      or more meets every pattern, without the corpus growing to all combinations of patterns, verbs and objects;
//   2. every object through the OfObject templates;
//   3. the standalone phrases.
// {n} and {reason} take the next value of their list at each sentence that uses them. A source made twice with one
// translation is kept once; one made with two translations would be a mistake in the glossary and throws.
// The split is the gettext corpus's: by the hash of the source text (CorpusSplitter), 5% validation and 5% test.
// Each split is in the order of that hash, not of generation, so that the first validation pairs (the BLEU sentences
// and samples of an evaluation) are a spread of verbs, objects and patterns rather than the first verb's messages.
namespace Ramp.Training.Data.Corpus.Builtin;

/// <summary>The built-in English → zh_CN corpus of software messages.</summary>
public static class BuiltinCorpus
{
    /// <summary>The value of <c>data.corpus</c> that selects this corpus.</summary>
    public const string Name = "builtin";

    /// <summary>The target language.</summary>
    public const string Language = "zh_CN";

    /// <summary>The origin of every pair.</summary>
    public const string Origin = "ramp-builtin";

    // One Rotating template in this many is said of each verb-object pair.
    internal const int Stride = 6;

    /// <summary>Every pair, in generation order.</summary>
    public static IReadOnlyList<SentencePair> Pairs()
    {
        var pairs = new PairSet();
        var counts = 0;
        var reasons = 0;
        var pairIndex = 0;
        foreach (var verb in Verbs.All)
        {
            foreach (var noun in verb.Objects)
            {
                foreach (var template in Templates.Core)
                    Say(template, verb, noun);
                for (var t = 0; t < Templates.Rotating.Count; t++)
                {
                    if ((pairIndex + t) % Stride == 0)
                        Say(Templates.Rotating[t], verb, noun);
                }
                pairIndex++;
            }
        }
        foreach (var noun in Nouns.All)
        {
            foreach (var template in Templates.OfObject)
                Say(template, null, noun);
        }
        foreach (var (english, chinese) in Phrases.All)
            pairs.Add(english, chinese);
        return pairs.Finish();

        void Say(Template template, Verb? verb, Noun noun)
        {
            var count = Templates.Counts[counts % Templates.Counts.Count];
            var reason = Templates.Reasons[reasons % Templates.Reasons.Count];
            var filler = new TemplateFiller(verb, noun, count, reason);
            if (!filler.Allows(template.Needs))
                return;
            pairs.Add(filler.Source(template), filler.Target(template));
            if (template.English.Contains("{n}", StringComparison.Ordinal))
                counts++;
            if (template.English.Contains("{reason}", StringComparison.Ordinal))
                reasons++;
        }
    }

    /// <summary>The corpus split into training, validation and test pairs by the hash of each source.</summary>
    /// <exception cref="ArgumentException">A fraction is outside [0, 1), or they leave nothing to train on.</exception>
    public static ParallelCorpus Build(double validFraction = 0.05, double testFraction = 0.05)
    {
        new GettextCorpusOptions { Language = Language, ValidFraction = validFraction, TestFraction = testFraction }.Validate();
        var splits = Enum.GetValues<CorpusSplit>().ToDictionary(split => split, _ => new List<SentencePair>());
        foreach (var pair in Pairs().OrderBy(pair => CorpusSplitter.HashFraction(pair.Source)))
            splits[CorpusSplitter.Assign(pair.Source, validFraction, testFraction)].Add(pair);
        return new ParallelCorpus(splits[CorpusSplit.Train], splits[CorpusSplit.Valid], splits[CorpusSplit.Test]);
    }

    // Sources in first-seen order, each once; a source made with two translations is a mistake in the glossary.
    private sealed class PairSet
    {
        private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
        private readonly List<SentencePair> _pairs = [];

        public void Add(string source, string target)
        {
            if (_targets.TryAdd(source, target))
                _pairs.Add(new SentencePair(source, target, Origin));
            else if (_targets[source] != target)
                throw new InvalidOperationException($"built-in corpus: '{source}' is made with two translations, '{_targets[source]}' and '{target}'");
        }

        public List<SentencePair> Finish() => _pairs;
    }
}
