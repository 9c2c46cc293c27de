// What a corpus build did: catalogs read and skipped, entries seen, dropped per reason, pairs per split.
// ToText() is what `ramp data gettext` prints; WriteJson() is stats.json. Counts add up: every entry seen
// is either dropped for exactly one reason or is one of the pairs (plural entries count once).
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ramp.Training.Data.Corpus;

/// <summary>A catalog that could not be used, and why.</summary>
/// <param name="Path">The catalog file.</param>
/// <param name="Reason">One line naming the file: the parse error (with offset or line), the I/O error or the language mismatch.</param>
public sealed record SkippedCatalog(string Path, string Reason);

/// <summary>Size of one split.</summary>
/// <param name="Pairs">Number of pairs.</param>
/// <param name="SourceCharacters">Code points on the source side.</param>
/// <param name="TargetCharacters">Code points on the target side.</param>
/// <param name="SourceWords">Space-separated words on the source side.</param>
public sealed record SplitStatistics(long Pairs, long SourceCharacters, long TargetCharacters, long SourceWords);

/// <summary>Statistics of a gettext corpus build.</summary>
public sealed class CorpusStatistics
{
    /// <summary>The options the corpus was built with.</summary>
    public required GettextCorpusOptions Options { get; init; }

    /// <summary>Directories searched: the LC_MESSAGES directories found, or the source directory.</summary>
    public required IReadOnlyList<string> SearchedDirectories { get; init; }

    /// <summary>Catalog files found.</summary>
    public required int CatalogsFound { get; init; }

    /// <summary>Catalogs that could not be used, with the reason.</summary>
    public required IReadOnlyList<SkippedCatalog> SkippedCatalogs { get; init; }

    /// <summary>Entries in the catalogs read, headers included.</summary>
    public required long EntriesSeen { get; init; }

    /// <summary>Plural entries among those kept as pairs: their singular pair (msgid, msgstr[0]) is used.</summary>
    public required long PluralEntries { get; init; }

    /// <summary>Entries left out, per reason; every reason is present, zero included.</summary>
    public required IReadOnlyDictionary<DropReason, long> Dropped { get; init; }

    /// <summary>Source texts that had more than one distinct translation.</summary>
    public required long SourcesWithSeveralTargets { get; init; }

    /// <summary>Size of each split; every split is present.</summary>
    public required IReadOnlyDictionary<CorpusSplit, SplitStatistics> Splits { get; init; }

    /// <summary>Catalogs read successfully.</summary>
    public int CatalogsRead => CatalogsFound - SkippedCatalogs.Count;

    /// <summary>Pairs in all splits.</summary>
    public long Pairs => Splits.Values.Sum(split => split.Pairs);

    /// <summary>The human-readable summary printed by <c>ramp data gettext</c>.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var o = Options;
        text.AppendLine(CultureInfo.InvariantCulture, $"gettext corpus: English -> {o.Language}");
        foreach (var directory in SearchedDirectories)
            text.AppendLine(CultureInfo.InvariantCulture, $"  searched {directory}");
        text.AppendLine(CultureInfo.InvariantCulture, $"catalogs: {CatalogsFound} found, {CatalogsRead} read, {SkippedCatalogs.Count} skipped");
        foreach (var skipped in SkippedCatalogs)
            text.AppendLine(CultureInfo.InvariantCulture, $"  skipped: {skipped.Reason}");
        text.AppendLine(CultureInfo.InvariantCulture, $"entries: {EntriesSeen} seen, {Pairs} kept as pairs ({PluralEntries} plural entries as their singular pair)");
        text.AppendLine("dropped:");
        foreach (var (reason, count) in Dropped.OrderBy(pair => pair.Key))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {ReasonName(reason),-22}{count,9}");
        text.AppendLine(CultureInfo.InvariantCulture, $"sources with several translations: {SourcesWithSeveralTargets} (policy {o.MultipleTargets})");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"split",-8}{"pairs",9}{"src chars",12}{"tgt chars",12}{"src words",12}");
        foreach (var (split, s) in Splits.OrderBy(pair => pair.Key))
            text.AppendLine(CultureInfo.InvariantCulture, $"{SplitName(split),-8}{s.Pairs,9}{s.SourceCharacters,12}{s.TargetCharacters,12}{s.SourceWords,12}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"cleaning: accelerators {(o.StripAccelerators ? "stripped" : "kept")}, format directives {(o.StripFormatDirectives ? "stripped" : "kept")}, "
            + $"identical pairs {(o.KeepIdentical ? "kept" : "dropped")}, length {o.MinimumLength}..{o.MaximumLength} code points");
        return text.ToString();
    }

    /// <summary>Writes the statistics as the JSON object of stats.json.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var o = Options;
        writer.WriteStartObject();
        writer.WriteString("language", o.Language);
        writer.WriteStartObject("options");
        writer.WriteString("sourceDirectory", o.SourceDirectory);
        writer.WriteBoolean("stripFormatDirectives", o.StripFormatDirectives);
        writer.WriteBoolean("stripAccelerators", o.StripAccelerators);
        writer.WriteBoolean("keepIdentical", o.KeepIdentical);
        writer.WriteNumber("minimumLength", o.MinimumLength);
        writer.WriteNumber("maximumLength", o.MaximumLength);
        writer.WriteString("multipleTargets", o.MultipleTargets.ToString());
        writer.WriteNumber("validFraction", o.ValidFraction);
        writer.WriteNumber("testFraction", o.TestFraction);
        writer.WriteString("split", "sha256(utf8(source))[0..8] big-endian / 2^64: < valid -> valid, < valid+test -> test, else train");
        writer.WriteEndObject();
        writer.WriteStartArray("searchedDirectories");
        foreach (var directory in SearchedDirectories)
            writer.WriteStringValue(directory);
        writer.WriteEndArray();
        writer.WriteNumber("catalogsFound", CatalogsFound);
        writer.WriteNumber("catalogsRead", CatalogsRead);
        writer.WriteStartArray("skippedCatalogs");
        foreach (var skipped in SkippedCatalogs)
        {
            writer.WriteStartObject();
            writer.WriteString("path", skipped.Path);
            writer.WriteString("reason", skipped.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("entriesSeen", EntriesSeen);
        writer.WriteNumber("pluralEntries", PluralEntries);
        writer.WriteStartObject("dropped");
        foreach (var (reason, count) in Dropped.OrderBy(pair => pair.Key))
            writer.WriteNumber(ReasonName(reason), count);
        writer.WriteEndObject();
        writer.WriteNumber("sourcesWithSeveralTargets", SourcesWithSeveralTargets);
        writer.WriteStartObject("splits");
        foreach (var (split, s) in Splits.OrderBy(pair => pair.Key))
        {
            writer.WriteStartObject(SplitName(split));
            writer.WriteNumber("pairs", s.Pairs);
            writer.WriteNumber("sourceCharacters", s.SourceCharacters);
            writer.WriteNumber("targetCharacters", s.TargetCharacters);
            writer.WriteNumber("sourceWords", s.SourceWords);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The name of a split as used in file names: train, valid, test.</summary>
    public static string SplitName(CorpusSplit split) => split switch
    {
        CorpusSplit.Train => "train",
        CorpusSplit.Valid => "valid",
        CorpusSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "expected Train, Valid or Test"),
    };

    private static string ReasonName(DropReason reason) => reason switch
    {
        DropReason.Header => "header",
        DropReason.Fuzzy => "fuzzy",
        DropReason.Untranslated => "untranslated",
        DropReason.EmptyAfterCleaning => "emptyAfterCleaning",
        DropReason.IdenticalToSource => "identicalToSource",
        DropReason.TooShort => "tooShort",
        DropReason.TooLong => "tooLong",
        DropReason.DuplicatePair => "duplicatePair",
        DropReason.AlternativeTarget => "alternativeTarget",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown drop reason"),
    };
}
