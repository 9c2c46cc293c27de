// `ramp schedule plot`: one SVG chart of one or more schedules (a line per SPEC, legend, axes with nice
// ticks, optional log y axis), written atomically, plus a braille preview in the terminal. Without SPEC it
// draws ReferencePlot. The preview is printed when stdout is a terminal or --preview is given.
using Ramp.Cli.Charts;
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>Plots schedules to an SVG file.</summary>
public sealed class PlotCommand : Command
{
    private static readonly PositionalSpec Specs = new(
        "SPEC",
        $"schedules to draw, one line each (default: {string.Join(" ", ReferencePlot.Specs)} over {ReferencePlot.Steps} steps)",
        Required: false,
        Many: true);

    private static readonly OptionSpec Steps = new("--steps", "N", $"draw steps 0 to N-1 (required with SPEC; N from 1 to {ScheduleInput.MaxSteps})");
    private static readonly OptionSpec Output = new("--output", "FILE.svg", "the SVG file to write") { Alias = "-o", Required = true };
    private static readonly OptionSpec LogY = new("--log-y", null, "logarithmic rate axis; steps whose rate is <= 0 are left out, with a note");
    private static readonly OptionSpec Title = new("--title", "TEXT", "the chart's title (default: the spec, or a count of the specs)");
    private static readonly OptionSpec Preview = new("--preview", null, "print the terminal preview even when stdout is not a terminal");
    private static readonly OptionSpec NoPreview = new("--no-preview", null, "do not print the terminal preview");

    /// <inheritdoc/>
    public override string Name => "plot";

    /// <inheritdoc/>
    public override string Summary => "draw schedules to an SVG chart, with a preview in the terminal";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Steps, Output, LogY, ScheduleInput.BaseRate, Title, Preview, NoPreview];

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [Specs];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "The SVG is self-contained (no scripts, fonts or links) and written to a temporary file, then renamed over FILE.svg.\n"
        + "Long runs are reduced to the first, lowest, highest and last rate of each of 1000 buckets, so jumps stay visible.",
        "Preview: a braille plot fitted to the terminal's width (80 columns when unknown), printed when stdout is a terminal\n"
        + "or with --preview, in color on a terminal unless NO_COLOR is set. Then the line 'wrote FILE.svg'.",
        "Examples:\n"
        + "  ramp schedule plot 'constant(0.5)' 'constant(0.25)' --steps 100 -o constants.svg\n"
        + "  ramp schedule plot -o reference.svg --log-y",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var reference = arguments.Positionals.Count == 0;
        var texts = reference ? ReferencePlot.Specs : arguments.Positionals;
        if (!reference && !arguments.Has(Steps.Name))
        {
            throw new UsageException($"missing --steps N: {Steps.Summary}");
        }

        var steps = arguments.Integer(Steps.Name, 1, ScheduleInput.MaxSteps, ReferencePlot.Steps);
        var path = arguments.Text(Output.Name)!;
        if (!path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"-o '{path}' is not an .svg file; allowed: a file name ending in .svg");
        }

        if (arguments.Flag(Preview.Name) && arguments.Flag(NoPreview.Name))
        {
            throw new UsageException("--preview and --no-preview contradict each other; give one");
        }

        var baseRate = ScheduleInput.ReadBaseRate(arguments);
        var logarithmic = arguments.Flag(LogY.Name);
        var series = new List<PlotSeries>();
        for (var i = 0; i < texts.Count; i++)
        {
            var label = texts.Count == 1 ? "SPEC" : $"SPEC {i + 1}";
            var schedule = ScheduleInput.Parse(context, texts[i], label);
            ScheduleInput.NoteAbsolute(context, arguments, schedule, label);
            var line = PlotSeries.Sample(texts[i].Trim(), steps, step => ScheduleInput.Rate(schedule, step, baseRate, label), logarithmic);
            if (line.Points.Count == 0)
            {
                throw new UsageException(logarithmic
                    ? $"{label} {schedule} has no rate > 0 in steps 0 to {steps - 1}; a log axis cannot show it (drop --log-y)"
                    : $"{label} {schedule} has no finite rate in steps 0 to {steps - 1}");
            }

            if (line.SkippedCount > 0)
            {
                var reason = logarithmic ? "whose rate is <= 0 or not finite" : "whose rate is not finite";
                context.Error.WriteLine($"note: {label} leaves out {line.SkippedCount} step(s) {reason}, the first at step {line.FirstSkippedStep}");
            }

            series.Add(line);
        }

        var values = series.SelectMany(line => line.Points).Select(point => point.Value).ToList();
        var y = logarithmic ? Axis.Log(values.Min(), values.Max()) : Axis.Linear(values.Min(), values.Max());
        var x = Axis.Steps(steps - 1);
        var title = arguments.Text(Title.Name)
            ?? (texts.Count == 1 ? texts[0].Trim() : $"{texts.Count} schedules") + $", {steps} steps";
        OutputFile.WriteAllText(path, SvgChart.Render(title, "learning rate", series, x, y), "-o");
        if (!arguments.Flag(NoPreview.Name) && (arguments.Flag(Preview.Name) || context.OutputIsTerminal))
        {
            TerminalPlot.Write(context.Output, series, x, y, context.TerminalWidth, context.UseColor);
        }

        context.Output.WriteLine($"wrote {path}");
        return CommandLine.Success;
    }
}
