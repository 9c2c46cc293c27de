// Builds an English → <language> parallel corpus from gettext catalogs. Steps, in order: find the catalogs
// (system locale tree or a directory), read them (a malformed one is skipped with its error), then for each
// entry in path-then-file order: drop headers, fuzzy and untranslated entries; take (msgid, msgstr[0]) for
// plurals; clean both sides (TextCleaner); drop empty, identical, too short and too long pairs; drop repeated
// (source, target) pairs; apply the MultipleTargetPolicy; split by the hash of the source text (CorpusSplitter).
// msgctxt is not part of a pair: entries that differ only in context give the same source text.
using Ramp.Training.Data.Gettext;

namespace Ramp.Training.Data.Corpus;

/// <summary>Builds a parallel corpus from gettext catalogs.</summary>
public static class GettextCorpus
{
    /// <summary>Builds the corpus described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid, the source directory is missing, or no catalog was found.</exception>
    public static GettextCorpusResult Build(GettextCorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (searched, paths) = Discover(options);
        var catalogs = new CatalogOutcome[paths.Count];
        Parallel.For(0, paths.Count, i => catalogs[i] = Read(paths[i], options));

        var pairs = new PairCollector(options);
        var skipped = new List<SkippedCatalog>();
        foreach (var outcome in catalogs)
        {
            if (outcome.Catalog is null)
                skipped.Add(new SkippedCatalog(outcome.Path, outcome.Error!));
            else
                pairs.Add(outcome.Catalog);
        }
        var (corpus, splits, severalTargets) = pairs.Finish();
        var statistics = new CorpusStatistics
        {
            Options = options,
            SearchedDirectories = searched,
            CatalogsFound = paths.Count,
            SkippedCatalogs = skipped,
            EntriesSeen = pairs.EntriesSeen,
            PluralEntries = pairs.PluralEntries,
            Dropped = pairs.Dropped,
            SourcesWithSeveralTargets = severalTargets,
            Splits = splits,
        };
        return new GettextCorpusResult(corpus, statistics);
    }

    private static (IReadOnlyList<string> Searched, IReadOnlyList<string> Paths) Discover(GettextCorpusOptions options)
    {
        if (options.SourceDirectory is { } directory)
        {
            if (!Directory.Exists(directory))
                throw new ArgumentException($"Source directory '{directory}' does not exist; expected a directory of .mo/.po files.", nameof(options));
            var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".mo", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".po", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                throw new ArgumentException($"Source directory '{directory}' holds no .mo or .po files.", nameof(options));
            return ([directory], files);
        }
        var prefixes = options.LocalePrefixes ?? LocaleTree.DefaultPrefixes();
        var searched = LocaleTree.FindMessageDirectories(options.Language, prefixes);
        var catalogs = LocaleTree.FindCatalogs(options.Language, prefixes);
        if (catalogs.Count == 0)
            throw new ArgumentException(
                $"No .mo catalogs for language '{options.Language}' under {string.Join(", ", prefixes.Select(p => Path.Combine(p, "share/locale")))}; "
                + "check the language name (ls /usr/share/locale) or pass a source directory.", nameof(options));
        return (searched, catalogs);
    }

    private readonly record struct CatalogOutcome(string Path, GettextCatalog? Catalog, string? Error);

    private static CatalogOutcome Read(string path, GettextCorpusOptions options)
    {
        try
        {
            var catalog = path.EndsWith(".po", StringComparison.OrdinalIgnoreCase) ? PoReader.Read(path) : MoReader.Read(path);
            if (options.SourceDirectory is not null
                && catalog.GetHeaderField("Language") is { Length: > 0 } declared
                && !LanguageNames.Matches(options.Language, declared))
                return new CatalogOutcome(path, null, $"{path}: declares language '{declared}', not '{options.Language}'");
            return new CatalogOutcome(path, catalog, null);
        }
        catch (CatalogFormatException exception)
        {
            return new CatalogOutcome(path, null, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new CatalogOutcome(path, null, $"{path}: cannot be read: {exception.Message}");
        }
    }
}
