// `ramp schedule eval`: the rate at every step as CSV, one column per parameter group, in round-trip
// precision. Feedback schedules get --metrics: value k is observed after step k, so the rate at step k
// reflects values 0..k-1.
using System.Globalization;
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>Prints a schedule's rates as CSV.</summary>
public sealed class EvalCommand : Command
{
    /// <summary>The metric names a value of <c>--metrics</c> is reported under when <c>--metric</c> is not given.</summary>
    public static IReadOnlyList<string> DefaultMetrics { get; } = ["loss", "val_loss"];

    private static readonly OptionSpec BaseRates = new("--lr", "BASE[,BASE...]", "base rates, one per parameter group (default 1)");
    private static readonly OptionSpec Metrics = new("--metrics", "V0,V1,...", "metric values; value k is reported after step k");
    private static readonly OptionSpec Metric = new("--metric", "NAME", "the metric name the values are reported under (default: both loss and val_loss)");

    /// <inheritdoc/>
    public override string Name => "eval";

    /// <inheritdoc/>
    public override string Summary => "print a schedule's rate at every step as CSV";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [ScheduleInput.Steps, BaseRates, Metrics, Metric];

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [ScheduleInput.Spec];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Output: the header 'step,lr', then one row per step 0..N-1. With several base rates (--lr 0.1,0.01) the header is\n"
        + "'step,lr0,lr1,...', one column per parameter group; each group runs its own instance of the schedule. A relative\n"
        + "schedule gives BASE times its factor, an absolute one its own rate. Values are in round-trip form (.NET \"R\",\n"
        + "invariant culture): parsing a value gives back the same double.",
        "Metrics: with --metrics, value k is reported to the schedule after step k (Observe(k, NAME, value)), so the rate at\n"
        + "step k reflects values 0..k-1. Without --metric each value is reported under both 'loss' and 'val_loss', so a\n"
        + "feedback schedule sees it whichever of the two it watches. At most N values.",
        "Examples:\n"
        + "  ramp schedule eval 'constant(value=0.5)' --steps 3\n"
        + "  ramp schedule eval 'constant(0.5)' --steps 3 --lr 0.1,0.01\n"
        + "  ramp schedule eval '{\"schedule\": \"constant\", \"arguments\": {\"value\": 0.5}}' --steps 3",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var text = arguments.Positionals[0];
        var steps = ScheduleInput.ReadSteps(arguments);
        var baseRates = ScheduleInput.ReadBaseRates(arguments);
        var metrics = arguments.Numbers(Metrics.Name, _ => true, "finite numbers", []);
        if (metrics.Count > steps)
        {
            throw new UsageException($"--metrics has {metrics.Count} values but --steps is {steps}; allowed: at most one value per step");
        }

        var names = arguments.Text(Metric.Name) is { } name
            ? string.IsNullOrWhiteSpace(name) ? throw new UsageException("--metric '' is empty; allowed: a metric name such as loss") : [name]
            : DefaultMetrics;
        if (arguments.Has(Metric.Name) && !arguments.Has(Metrics.Name))
        {
            throw new UsageException("--metric needs --metrics V0,V1,... to report");
        }

        // One instance per group: a feedback schedule keeps per-instance state.
        var schedules = baseRates.Select(_ => ScheduleInput.Parse(context, text, "SPEC")).ToArray();
        ScheduleInput.NoteAbsolute(context, arguments, schedules[0], "SPEC");
        if (metrics.Count > 0 && !schedules[0].IsFeedback)
        {
            context.Error.WriteLine($"note: SPEC {schedules[0]} does not react to metrics; --metrics changes nothing");
        }

        var output = context.Output;
        output.Write("step");
        for (var group = 0; group < baseRates.Count; group++)
        {
            output.Write(baseRates.Count == 1 ? ",lr" : $",lr{group}");
        }

        output.WriteLine();
        for (var step = 0L; step < steps; step++)
        {
            output.Write(step.ToString(CultureInfo.InvariantCulture));
            for (var group = 0; group < baseRates.Count; group++)
            {
                output.Write(',');
                output.Write(ScheduleInput.Rate(schedules[group], step, baseRates[group], "SPEC", group).ToString("R", CultureInfo.InvariantCulture));
            }

            output.WriteLine();
            if (step < metrics.Count)
            {
                foreach (var schedule in schedules)
                {
                    foreach (var metric in names)
                    {
                        schedule.Observe(step, metric, metrics[(int)step]);
                    }
                }
            }
        }

        return CommandLine.Success;
    }
}
