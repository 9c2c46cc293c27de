// The per-entry filter of GettextCorpus and the grouping of translations by source text. Entries must be
// added in a fixed order (catalogs by path, entries by position) for the result to be deterministic.
using Ramp.Training.Data.Gettext;

namespace Ramp.Training.Data.Corpus;

internal sealed class PairCollector(GettextCorpusOptions options)
{
    private sealed class Candidate(string target, string origin)
    {
        public string Target { get; } = target;
        public string Origin { get; } = origin;
        public int Count { get; set; } = 1;
    }

    private readonly Dictionary<string, List<Candidate>> _bySource = new(StringComparer.Ordinal);
    private readonly List<string> _sourceOrder = [];
    private readonly long[] _dropped = new long[Enum.GetValues<DropReason>().Length];

    public long EntriesSeen { get; private set; }

    public long PluralEntries { get; private set; }

    public IReadOnlyDictionary<DropReason, long> Dropped
        => Enum.GetValues<DropReason>().ToDictionary(reason => reason, reason => _dropped[(int)reason]);

    public void Add(GettextCatalog catalog)
    {
        foreach (var entry in catalog.Entries)
        {
            EntriesSeen++;
            if (entry.IsPlural)
                PluralEntries++;
            if (Check(entry) is { } reason)
                _dropped[(int)reason]++;
            else
                AddPair(entry, catalog.Path);
        }
    }

    private static DropReason? Check(GettextEntry entry)
    {
        if (entry.IsHeader)
            return DropReason.Header;
        if (entry.IsFuzzy)
            return DropReason.Fuzzy;
        if (entry.Translations[0].Length == 0)
            return DropReason.Untranslated;
        return null;
    }

    private void AddPair(GettextEntry entry, string origin)
    {
        var (source, target) = TextCleaner.CleanPair(entry.Id, entry.Translations[0], options.StripAccelerators, options.StripFormatDirectives);
        if (source.Length == 0 || target.Length == 0)
        {
            _dropped[(int)DropReason.EmptyAfterCleaning]++;
            return;
        }
        if (!options.KeepIdentical && source == target)
        {
            _dropped[(int)DropReason.IdenticalToSource]++;
            return;
        }
        var sourceLength = CodePoints(source);
        var targetLength = CodePoints(target);
        if (sourceLength < options.MinimumLength || targetLength < options.MinimumLength)
        {
            _dropped[(int)DropReason.TooShort]++;
            return;
        }
        if (sourceLength > options.MaximumLength || targetLength > options.MaximumLength)
        {
            _dropped[(int)DropReason.TooLong]++;
            return;
        }
        if (!_bySource.TryGetValue(source, out var candidates))
        {
            _bySource.Add(source, candidates = []);
            _sourceOrder.Add(source);
        }
        foreach (var candidate in candidates)
        {
            if (candidate.Target == target)
            {
                candidate.Count++;
                _dropped[(int)DropReason.DuplicatePair]++;
                return;
            }
        }
        candidates.Add(new Candidate(target, origin));
    }

    public (ParallelCorpus Corpus, IReadOnlyDictionary<CorpusSplit, SplitStatistics> Splits, long SeveralTargets) Finish()
    {
        var splits = Enum.GetValues<CorpusSplit>().ToDictionary(split => split, _ => new List<SentencePair>());
        long severalTargets = 0;
        foreach (var source in _sourceOrder)
        {
            var candidates = _bySource[source];
            if (candidates.Count > 1)
                severalTargets++;
            var kept = Choose(candidates);
            _dropped[(int)DropReason.AlternativeTarget] += candidates.Count - kept.Count;
            var split = CorpusSplitter.Assign(source, options.ValidFraction, options.TestFraction);
            foreach (var candidate in kept)
                splits[split].Add(new SentencePair(source, candidate.Target, candidate.Origin));
        }
        var corpus = new ParallelCorpus(splits[CorpusSplit.Train], splits[CorpusSplit.Valid], splits[CorpusSplit.Test]);
        var statistics = splits.ToDictionary(pair => pair.Key, pair => Measure(pair.Value));
        return (corpus, statistics, severalTargets);
    }

    private List<Candidate> Choose(List<Candidate> candidates)
    {
        switch (options.MultipleTargets)
        {
            case MultipleTargetPolicy.KeepAll:
                return candidates;
            case MultipleTargetPolicy.First:
                return [candidates[0]];
            case MultipleTargetPolicy.MostFrequent:
            default:
                var best = candidates[0];
                foreach (var candidate in candidates)
                {
                    if (candidate.Count > best.Count)
                        best = candidate;
                }
                return [best];
        }
    }

    private static SplitStatistics Measure(List<SentencePair> pairs)
    {
        long sourceCharacters = 0, targetCharacters = 0, sourceWords = 0;
        foreach (var pair in pairs)
        {
            sourceCharacters += CodePoints(pair.Source);
            targetCharacters += CodePoints(pair.Target);
            sourceWords += pair.Source.AsSpan().Count(' ') + 1;
        }
        return new SplitStatistics(pairs.Count, sourceCharacters, targetCharacters, sourceWords);
    }

    private static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
                count--;
        }
        return count;
    }
}
