// Schedules one after another (spec name `sequence`; also computes PyTorch's SequentialLR and optax's
// join_schedules). Step origin: step 0 is the first update. With boundaries b1 <= b2 <= ..., schedule i
// runs from step b_i (b_0 = 0) and its clock restarts there: rate(t) = s_i(t − b_i) for the largest i with
// b_i <= t. This is optax's `where(t < b, out, s(t − b))` and PyTorch's closed-form restart at each milestone.
namespace Ramp;

/// <summary>
/// Runs <see cref="Schedules"/> one after another, switching at <see cref="Boundaries"/>; each schedule's clock
/// starts at 0 at its boundary. All schedules must be relative, or all absolute.
/// </summary>
public sealed class SequenceSchedule : GroupedSchedule
{
    private readonly Schedule[] schedules;
    private readonly long[] boundaries;

    /// <summary>Creates the sequence.</summary>
    /// <param name="schedules">The schedules, in order; at least one.</param>
    /// <param name="boundaries">The steps at which schedule i + 1 takes over; one fewer than the schedules, non-decreasing, >= 0.</param>
    public SequenceSchedule(IReadOnlyList<Schedule> schedules, IReadOnlyList<long> boundaries)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(boundaries);
        if (schedules.Count == 0)
        {
            throw new ArgumentException("schedules is empty; a sequence needs at least one schedule", nameof(schedules));
        }

        if (boundaries.Count != schedules.Count - 1)
        {
            throw new ArgumentException(
                $"{schedules.Count} schedules need {schedules.Count - 1} boundaries, got {boundaries.Count}",
                nameof(boundaries));
        }

        for (var i = 0; i < boundaries.Count; i++)
        {
            if (boundaries[i] < 0 || (i > 0 && boundaries[i] < boundaries[i - 1]))
            {
                throw new ArgumentException(
                    $"boundaries=[{string.Join(", ", boundaries)}] must be steps >= 0 in non-decreasing order",
                    nameof(boundaries));
            }
        }

        this.schedules = [.. schedules];
        this.boundaries = [.. boundaries];
        Scale = ScaleRules.OfSequence(this.schedules, "schedules");
    }

    /// <summary>The catalog entry <c>sequence(schedules, boundaries)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "sequence",
        ScheduleOrigin.Ramp,
        "Schedules one after another; each restarts its clock at its boundary.",
        [
            new("schedules", ParameterKind.ScheduleList, "the schedules, in order"),
            new("boundaries", ParameterKind.IntegerList, "the steps where the next schedule takes over (one fewer than the schedules)") { Minimum = 0 },
        ],
        arguments => new SequenceSchedule(arguments.Schedules("schedules"), arguments.Integers("boundaries")))
    {
        Example = "sequence(schedules=[constant(0.1), constant(1), constant(0.01)], boundaries=[5, 20])",
    };

    /// <summary>The schedules, in order.</summary>
    public IReadOnlyList<Schedule> Schedules => schedules;

    /// <summary>The steps at which each next schedule takes over.</summary>
    public IReadOnlyList<long> Boundaries => boundaries;

    /// <inheritdoc/>
    public override RateScale Scale { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => schedules;

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
    {
        var index = Active(step);
        return schedules[index].Rate(index == 0 ? step : step - boundaries[index - 1], baseRate, group);
    }

    /// <summary>A metric goes to the schedule running at <paramref name="step"/>, on that schedule's clock.</summary>
    public override void Observe(long step, string metric, double value)
    {
        var index = Active(step);
        schedules[index].Observe(index == 0 ? step : step - boundaries[index - 1], metric, value);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("sequence", ("schedules", Spec.Of(schedules)), ("boundaries", Spec.Of(boundaries)));

    // The number of boundaries <= step (Python's bisect_right), i.e. the index of the running schedule.
    private int Active(long step)
    {
        var low = 0;
        var high = boundaries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (boundaries[middle] <= step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
