// `ramp report RUN [RUN...]`: one self-contained HTML report of the runs, overlaid, written atomically to
// RUN/report.html for one run and ./report.html for several unless -o names the file. Notes (a run without
// metrics, a torn last line) go to stderr and onto the page; a RUN that cannot be read is a one-line error.
using Ramp.Cli.Infrastructure;
using Ramp.Training.Training;

namespace Ramp.Cli.Reports;

/// <summary>Writes an HTML report of training runs.</summary>
public sealed class ReportCommand : Command
{
    private static readonly PositionalSpec Runs = new("RUN", "run directories (config.json, metrics.jsonl), overlaid in this order", Required: true, Many: true);
    private static readonly OptionSpec Output = new("--output", "FILE.html", "the HTML file to write (default: RUN/report.html for one run, ./report.html for several)") { Alias = "-o" };
    private static readonly OptionSpec LogLearningRate = new("--log-lr", null, "logarithmic learning rate axis (rates <= 0 are left out)");

    /// <inheritdoc/>
    public override string Name => "report";

    /// <inheritdoc/>
    public override string Summary => "write an HTML report of training runs: charts overlaid, configs side by side";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Output, LogLearningRate];

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [Runs];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Charts (SVG, one line per run in its own color): learning rate per parameter group, training and validation loss,\n"
        + "gradient norm (log axis), BLEU and tokens/s, over steps. Then each run's final and best numbers, the configs side\n"
        + "by side with the fields that differ highlighted, and each run's latest sample translations.",
        "The file has no scripts, fonts or links: it opens offline. It is written to a temporary file, then renamed.\n"
        + "A run without metrics yet gets empty charts and a note; a torn last metrics line is left out with a note.",
        "Examples:\n"
        + "  ramp report runs/warmup-4000\n"
        + "  ramp report runs/warmup-0 runs/warmup-4000 runs/warmup-16000 -o warmup.html",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var given = arguments.Text(Output.Name);
        if (given is not null && !given.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !given.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"-o '{given}' is not an .html file; allowed: a file name ending in .html or .htm");
        }

        if (arguments.Positionals.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
        {
            throw new UsageException($"RUN '{blank}' is empty; allowed: the path of a run directory");
        }

        var checkedOutput = given is null ? null : OutputFile.Check(given, "-o");
        List<RunDirectory> runs;
        RunReport report;
        try
        {
            runs = [.. arguments.Positionals.Select(path => new RunDirectory(path))];
            report = RunReport.Create(runs, arguments.Flag(LogLearningRate.Name));
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw new UsageException(error.Message, error);
        }

        var path = checkedOutput ?? DefaultPath(runs, Environment.CurrentDirectory);
        Ramp.Training.AtomicFile.WriteAllText(path, report.Html);
        foreach (var note in report.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        context.Output.WriteLine($"wrote {given ?? path}");
        return CommandLine.Success;
    }

    /// <summary>Where the report goes without -o: the run's report.html for one run, report.html in
    /// <paramref name="currentDirectory"/> for several.</summary>
    public static string DefaultPath(IReadOnlyList<RunDirectory> runs, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Count == 1 ? runs[0].ReportPath : Path.Combine(currentDirectory, "report.html");
    }
}
