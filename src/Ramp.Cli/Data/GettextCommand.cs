// `ramp data gettext`: a parallel English-to-LANG corpus from the gettext catalogs of the machine's locale
// tree (or of a directory), written as train/valid/test JSON Lines plus stats.json; prints the statistics.
using System.Globalization;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Data.Corpus;

namespace Ramp.Cli.Data;

/// <summary>Builds a corpus from gettext catalogs.</summary>
public sealed class GettextCommand : Command
{
    private static readonly OptionSpec Language = new("--lang", "LANG", "target locale as named in the locale tree, e.g. zh_CN") { Required = true };
    private static readonly OptionSpec From = new("--from", "DIR", "read every .mo and .po under DIR instead of the system locale tree");
    private static readonly OptionSpec Output = new("--output", "DIR", "the corpus directory to write") { Alias = "-o", Required = true };
    private static readonly OptionSpec StripFormat = new("--strip-format", null, "remove format directives (%s, %1$d, %(name)s, {0}) on both sides");
    private static readonly OptionSpec StripAccelerators = new("--strip-accelerators", null, "remove keyboard accelerators (_File, &File, 文件(_F)) on both sides");
    private static readonly OptionSpec KeepIdentical = new("--keep-identical", null, "keep pairs whose translation equals the source");
    private static readonly OptionSpec MinimumLength = new("--min-length", "N", "shortest side kept, in characters (default 1)");
    private static readonly OptionSpec MaximumLength = new("--max-length", "N", "longest side kept, in characters (default 200)");
    private static readonly OptionSpec Targets = new("--targets", "POLICY", "a source with several translations: most-frequent (default), first or all");

    /// <inheritdoc/>
    public override string Name => "gettext";

    /// <inheritdoc/>
    public override string Summary => "build an English-to-LANG parallel corpus from gettext catalogs";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options =>
        [Language, From, Output, StripFormat, StripAccelerators, KeepIdentical, MinimumLength, MaximumLength, Targets, SplitOption.Spec];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Catalogs: <prefix>/share/locale/<LANG>/LC_MESSAGES/*.mo for the prefixes /usr, /usr/local and /opt/*, or every\n"
        + ".mo and .po under --from DIR. A malformed catalog is reported and skipped; the rest of the corpus still builds.",
        "Dropped: headers, fuzzy and untranslated entries, pairs empty or identical after cleaning, lengths out of range,\n"
        + "duplicates. The split is by a SHA-256 hash of the source text, so a source always lands in the same split.",
        "Output: DIR/train.jsonl, valid.jsonl, test.jsonl (one {\"source\", \"target\", \"origin\"} per line) and stats.json.",
        "Example:\n  ramp data gettext --lang zh_CN -o corpus --strip-accelerators",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var (valid, test) = SplitOption.Read(arguments);

        var from = arguments.Text(From.Name);
        if (from is not null && !Directory.Exists(from))
        {
            throw new UsageException($"{From.Name} '{from}' is not a directory");
        }

        var options = new GettextCorpusOptions
        {
            Language = arguments.Text(Language.Name)!,
            SourceDirectory = from,
            StripFormatDirectives = arguments.Flag(StripFormat.Name),
            StripAccelerators = arguments.Flag(StripAccelerators.Name),
            KeepIdentical = arguments.Flag(KeepIdentical.Name),
            MinimumLength = (int)arguments.Integer(MinimumLength.Name, 0, 100_000, 1),
            MaximumLength = (int)arguments.Integer(MaximumLength.Name, 1, 100_000, 200),
            MultipleTargets = ReadPolicy(arguments.Text(Targets.Name)),
            ValidFraction = valid,
            TestFraction = test,
        };
        GettextCorpusResult result;
        try
        {
            options.Validate();
            result = GettextCorpus.Build(options);
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw UsageException.From(error);
        }

        if (result.Statistics.Pairs == 0)
        {
            var where = from ?? string.Join(", ", result.Statistics.SearchedDirectories);
            throw new UsageException($"no {options.Language} translations found in {(where.Length == 0 ? "the locale tree" : where)}; check --lang (e.g. zh_CN) or give --from DIR");
        }

        foreach (var skipped in result.Statistics.SkippedCatalogs)
        {
            context.Error.WriteLine($"skipped {skipped.Path}: {skipped.Reason}");
        }

        var output = OutputFile.CheckDirectory(arguments.Text(Output.Name)!, Output.Name);
        result.WriteTo(output);
        context.Output.Write(result.Statistics.ToText());
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output}"));
        return CommandLine.Success;
    }

    private static MultipleTargetPolicy ReadPolicy(string? text) => text switch
    {
        null or "most-frequent" => MultipleTargetPolicy.MostFrequent,
        "first" => MultipleTargetPolicy.First,
        "all" => MultipleTargetPolicy.KeepAll,
        _ => throw new UsageException($"--targets '{text}' is not allowed; allowed: most-frequent, first, all"),
    };
}
