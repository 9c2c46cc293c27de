// `ramp schedule describe`: one line per figure of a schedule over N steps: end of warmup, peak, final,
// minimum, mean (see ScheduleStatistics for the definition of the end of warmup).
using System.Globalization;
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>Prints summary figures of a schedule.</summary>
public sealed class DescribeCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "describe";

    /// <inheritdoc/>
    public override string Summary => "print a schedule's end of warmup, peak, final, minimum and mean";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [ScheduleInput.Steps, ScheduleInput.BaseRate];

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [ScheduleInput.Spec];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Figures are learning rates (BASE times the factor for a relative schedule) over steps 0..N-1, in round-trip form.",
        "End of warmup: the first rise is the stretch from step 0 where the rate never decreases; warmup ends at the first\n"
        + "step where the rate reaches the maximum of that stretch. 'none' when the rate does not rise from step 0.",
        "Example:\n  ramp schedule describe 'constant(value=0.5)' --steps 100 --lr 0.1",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var steps = ScheduleInput.ReadSteps(arguments);
        var baseRate = ScheduleInput.ReadBaseRate(arguments);
        var schedule = ScheduleInput.Parse(context, arguments.Positionals[0], "SPEC");
        ScheduleInput.NoteAbsolute(context, arguments, schedule, "SPEC");
        var statistics = new ScheduleStatistics();
        for (var step = 0L; step < steps; step++)
        {
            statistics.Add(ScheduleInput.Rate(schedule, step, baseRate, "SPEC"));
        }

        var output = context.Output;
        output.WriteLine($"schedule: {schedule}");
        output.WriteLine(schedule.Scale == RateScale.Relative
            ? $"scale: relative (rates are {Format(baseRate)} times the schedule's factor)"
            : "scale: absolute (the schedule gives the rates; --lr does not apply)");
        output.WriteLine($"steps: {steps} (0 to {steps - 1})");
        output.WriteLine(statistics.WarmupEnd is { } end
            ? $"warmup end: step {end} (rate {Format(statistics.RisePeak)})"
            : "warmup end: none");
        output.WriteLine(At("peak", statistics.Peak, statistics.PeakStep));
        output.WriteLine($"final: {Format(statistics.Final)} at step {steps - 1}");
        output.WriteLine(At("minimum", statistics.Minimum, statistics.MinimumStep));
        output.WriteLine($"mean: {Format(statistics.Mean)}");
        if (statistics.NonFiniteCount > 0)
        {
            output.WriteLine($"non-finite: {statistics.NonFiniteCount} steps, the first at step {statistics.FirstNonFiniteStep}");
        }

        return CommandLine.Success;
    }

    private static string At(string label, double value, long step)
        => step < 0 ? $"{label}: none (no finite rate)" : $"{label}: {Format(value)} at step {step}";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
