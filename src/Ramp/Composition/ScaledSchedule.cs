// A schedule times a constant (spec name `scale`): rate(t) = factor · inner(t) for every group, including
// any absolute terms of the inner schedule, so scale(s, 2) is exactly twice s.
namespace Ramp;

/// <summary>Multiplies a schedule by a constant factor: rate(t) = factor · inner(t), for every group.</summary>
public sealed class ScaledSchedule : GroupedSchedule
{
    private readonly Schedule[] children;

    /// <summary>Creates the scaled schedule.</summary>
    /// <param name="schedule">The schedule to scale.</param>
    /// <param name="factor">The factor, finite and >= 0.</param>
    public ScaledSchedule(Schedule schedule, double factor)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!(factor >= 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor={SpecNumber.Format(factor)} must be a finite number >= 0");
        }

        Inner = schedule;
        Factor = factor;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>scale(schedule, factor)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "scale",
        ScheduleOrigin.Ramp,
        "A schedule times a constant factor.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule to scale"),
            new("factor", ParameterKind.Number, "the factor") { Minimum = 0 },
        ],
        arguments => new ScaledSchedule(arguments.Schedule("schedule"), arguments.Number("factor")))
    {
        Example = "scale(schedule=warmup(steps=100), factor=0.5)",
    };

    /// <summary>The scaled schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>The factor.</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group) => Factor * Inner.Rate(step, baseRate, group);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("scale", ("schedule", Inner.ToSpec()), ("factor", Spec.Of(Factor)));
}
