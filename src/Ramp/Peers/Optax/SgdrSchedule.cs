// optax's sgdr_schedule: warm restarts as a sequence of warmup_cosine_decay_schedule cycles, each starting where
// the previous one's decay_steps end. In Python its argument is a list of dicts of keyword arguments; in a spec
// it is a list of nested warmup_cosine_decay_schedule(...) calls with the same arguments. Absolute values of
// optax's count (0 at the first update): the value at step k is Rate(k). The last cycle holds its end value.
namespace Ramp;

/// <summary>
/// Cycle i covers steps <c>[B_i, B_i + decay_steps_i)</c> with <c>B_i</c> the sum of the previous cycles' decay_steps,
/// and gives <c>cycle_i(t - B_i)</c>; from the last cycle's start on, the last cycle continues.
/// </summary>
internal sealed class OptaxSgdr : Schedule
{
    private readonly SpecCall definition;
    private readonly Schedule[] cycles;
    private readonly long[] starts;

    private OptaxSgdr(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        cycles = [.. arguments.Schedules("cosine_kwargs")];
        if (cycles.Length == 0)
        {
            throw new ArgumentException("cosine_kwargs must hold at least one warmup_cosine_decay_schedule(...)", nameof(arguments));
        }

        starts = new long[cycles.Length];
        for (var i = 0; i < cycles.Length; i++)
        {
            if (cycles[i] is not OptaxWarmupCosineDecay cycle)
            {
                throw new ArgumentException($"cosine_kwargs[{i}] is {cycles[i].ToSpec().Name}; each cycle must be a warmup_cosine_decay_schedule(...)", nameof(arguments));
            }

            if (i + 1 < cycles.Length)
            {
                starts[i + 1] = starts[i] + cycle.DecaySteps;
            }
        }
    }

    /// <summary>The catalog entry <c>optax.sgdr_schedule(cosine_kwargs)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "sgdr_schedule",
        ScheduleOrigin.Optax,
        "optax's SGDR: warmup-cosine cycles one after the other (a list of warmup_cosine_decay_schedule calls).",
        [new("cosine_kwargs", ParameterKind.ScheduleList, "the cycles, each a warmup_cosine_decay_schedule(...)")],
        arguments => new OptaxSgdr(arguments))
    {
        Example = "optax.sgdr_schedule(cosine_kwargs=[warmup_cosine_decay_schedule(init_value=0, peak_value=0.01, warmup_steps=100, decay_steps=1000), warmup_cosine_decay_schedule(init_value=0, peak_value=0.005, warmup_steps=100, decay_steps=2000)])",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => cycles;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var i = cycles.Length - 1;
        while (i > 0 && step < starts[i])
        {
            i--;
        }

        return cycles[i].Rate(step - starts[i]);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
