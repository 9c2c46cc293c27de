// A schedule kept between bounds (spec name `clamp`). The bounds are in the schedule's own units: factors
// of each group's base rate for a relative schedule (so a group with base 0.1 and min=0.01 never goes below
// 0.001), rates for an absolute one.
namespace Ramp;

/// <summary>
/// Keeps a schedule between a lower and an upper bound: rate(t) = min(max(inner(t), min·u), max·u), with u the
/// group's base rate for a relative schedule and 1 for an absolute one.
/// </summary>
public sealed class ClampedSchedule : GroupedSchedule
{
    private readonly Schedule[] children;

    /// <summary>Creates the clamped schedule.</summary>
    /// <param name="schedule">The schedule to clamp.</param>
    /// <param name="minimum">The lower bound, or null for none.</param>
    /// <param name="maximum">The upper bound, or null for none.</param>
    public ClampedSchedule(Schedule schedule, double? minimum = null, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (minimum is null && maximum is null)
        {
            throw new ArgumentException("clamp needs min, max or both", nameof(minimum));
        }

        if (minimum is { } low && maximum is { } high && !(low <= high))
        {
            throw new ArgumentException($"min={SpecNumber.Format(low)} must be <= max={SpecNumber.Format(high)}", nameof(minimum));
        }

        if (minimum is double.NaN || maximum is double.NaN)
        {
            throw new ArgumentException("min and max must be numbers, not nan", nameof(minimum));
        }

        Inner = schedule;
        Minimum = minimum;
        Maximum = maximum;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>clamp(schedule, min, max)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "clamp",
        ScheduleOrigin.Ramp,
        "Keeps a schedule between bounds, in its own units (factors for a relative schedule).",
        [
            new("schedule", ParameterKind.Schedule, "the schedule to clamp"),
            new("min", ParameterKind.Number, "the lower bound") { Default = new SpecNone() },
            new("max", ParameterKind.Number, "the upper bound") { Default = new SpecNone() },
        ],
        arguments => new ClampedSchedule(arguments.Schedule("schedule"), arguments.OptionalNumber("min"), arguments.OptionalNumber("max")))
    {
        Example = "clamp(schedule=warmup(steps=100, start=0), min=0.05)",
    };

    /// <summary>The clamped schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>The lower bound, or null.</summary>
    public double? Minimum { get; }

    /// <summary>The upper bound, or null.</summary>
    public double? Maximum { get; }

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
    {
        var rate = Inner.Rate(step, baseRate, group);
        var unit = Inner.Scale == RateScale.Relative ? baseRate : 1.0;
        if (Minimum is { } low && rate < low * unit)
        {
            rate = low * unit;
        }

        if (Maximum is { } high && rate > high * unit)
        {
            rate = high * unit;
        }

        return rate;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
    {
        var arguments = new List<(string, SpecValue)> { ("schedule", Inner.ToSpec()) };
        if (Minimum is { } low)
        {
            arguments.Add(("min", Spec.Of(low)));
        }

        if (Maximum is { } high)
        {
            arguments.Add(("max", Spec.Of(high)));
        }

        return new SpecCall("clamp", arguments);
    }
}
