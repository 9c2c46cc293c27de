// Cosine with warm restarts (SGDR): half-cosine cycles that each start again at the top, each one
// `period_multiplier` times longer and `amplitude_decay` times lower than the one before.
// Relative factor; step 0 is the first update and the top of the first cycle.
namespace Ramp;

/// <summary>
/// Half-cosine cycles from the top down to <see cref="Floor"/>. Cycle i (from 0) starts at step
/// <c>period * (m^i - 1) / (m - 1)</c> (<c>period * i</c> when m = 1), lasts <c>period * m^i</c> steps and gives
/// <c>f(t) = floor + (1 - floor) * decay^i * 0.5 * (1 + cos(pi * (t - start_i) / length_i))</c>, where m is
/// <see cref="PeriodMultiplier"/> and decay is <see cref="AmplitudeDecay"/>. After <see cref="CycleLimit"/>
/// cycles the factor stays at the floor. Cycle boundaries are exact for whole-number lengths.
/// </summary>
public sealed class CosineRestartsSchedule : Schedule
{
    private readonly double logMultiplier;

    /// <summary>Creates the schedule.</summary>
    /// <param name="period">Length of the first cycle in steps, 1 or more.</param>
    /// <param name="periodMultiplier">Each cycle's length over the previous one's, 1 or more.</param>
    /// <param name="amplitudeDecay">Each cycle's height over the previous one's, greater than 0.</param>
    /// <param name="cycleLimit">Number of cycles before the factor rests at the floor, or null for no limit.</param>
    /// <param name="floor">The factor at the bottom of every cycle, in [0, 1].</param>
    public CosineRestartsSchedule(long period, double periodMultiplier = 1, double amplitudeDecay = 1, long? cycleLimit = null, double floor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!(periodMultiplier >= 1) || double.IsInfinity(periodMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(periodMultiplier), periodMultiplier, "period_multiplier must be a finite number >= 1");
        }

        if (!(amplitudeDecay > 0) || double.IsInfinity(amplitudeDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(amplitudeDecay), amplitudeDecay, "amplitude_decay must be a finite number > 0");
        }

        if (cycleLimit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cycleLimit), cycleLimit, "cycle_limit must be an integer >= 1 or None");
        }

        if (!(floor >= 0 && floor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be a number in [0, 1]");
        }

        Period = period;
        PeriodMultiplier = periodMultiplier;
        AmplitudeDecay = amplitudeDecay;
        CycleLimit = cycleLimit;
        Floor = floor;
        logMultiplier = Math.Log(periodMultiplier);
    }

    /// <summary>The catalog entry <c>cosine_restarts(period, period_multiplier=1, amplitude_decay=1, cycle_limit=None, floor=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "cosine_restarts",
        ScheduleOrigin.Ramp,
        "Cosine cycles that restart at the top (SGDR), optionally longer and lower each time.",
        [
            new("period", ParameterKind.Integer, "length of the first cycle in steps") { Minimum = 1 },
            new("period_multiplier", ParameterKind.Number, "each cycle's length over the previous one's") { Default = Spec.Of(1.0), Minimum = 1 },
            new("amplitude_decay", ParameterKind.Number, "each cycle's height over the previous one's") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
            new("cycle_limit", ParameterKind.Integer, "cycles before the factor rests at the floor (None: no limit)") { Default = new SpecNone(), Minimum = 1 },
            new("floor", ParameterKind.Number, "the factor at the bottom of every cycle") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
        ],
        arguments => new CosineRestartsSchedule(
            arguments.Integer("period"),
            arguments.Number("period_multiplier"),
            arguments.Number("amplitude_decay"),
            arguments.OptionalInteger("cycle_limit"),
            arguments.Number("floor")))
    {
        Example = "cosine_restarts(period=1000, period_multiplier=2, amplitude_decay=0.5)",
        Scale = RateScale.Relative,
    };

    /// <summary>Length of the first cycle in steps.</summary>
    public long Period { get; }

    /// <summary>Each cycle's length over the previous one's.</summary>
    public double PeriodMultiplier { get; }

    /// <summary>Each cycle's height over the previous one's.</summary>
    public double AmplitudeDecay { get; }

    /// <summary>Number of cycles before the factor rests at the floor, or null for no limit.</summary>
    public long? CycleLimit { get; }

    /// <summary>The factor at the bottom of every cycle.</summary>
    public double Floor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var (cycle, position, length) = Locate(step);
        if (cycle >= CycleLimit)
        {
            return Floor;
        }

        var height = WholePower.Of(AmplitudeDecay, cycle);
        return Floor + ((1 - Floor) * height * Annealing.HalfCosine(position / length));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "cosine_restarts",
        [
            ("period", Spec.Of(Period)),
            ("period_multiplier", Spec.Of(PeriodMultiplier)),
            ("amplitude_decay", Spec.Of(AmplitudeDecay)),
            .. CycleLimit is { } limit ? [("cycle_limit", Spec.Of(limit))] : Array.Empty<(string, SpecValue)>(),
            ("floor", Spec.Of(Floor)),
        ]);

    // The cycle holding `step`, the step's offset in it and the cycle's length. The logarithm gives the cycle up to
    // rounding; one comparison with the exact cycle starts on each side settles the boundary cases.
    private (long Cycle, double Position, double Length) Locate(long step)
    {
        if (PeriodMultiplier == 1)
        {
            var whole = step / Period;
            return (whole, step - (whole * Period), Period);
        }

        var cycle = (long)Math.Max(0, Math.Floor(Math.Log(1 + (step * (PeriodMultiplier - 1) / Period)) / logMultiplier));
        var growth = WholePower.Of(PeriodMultiplier, cycle);
        var start = Period * (growth - 1) / (PeriodMultiplier - 1);
        if (cycle > 0 && start > step)
        {
            cycle--;
            growth /= PeriodMultiplier;
            start = Period * (growth - 1) / (PeriodMultiplier - 1);
        }
        else
        {
            var next = Period * ((growth * PeriodMultiplier) - 1) / (PeriodMultiplier - 1);
            if (next <= step)
            {
                cycle++;
                growth *= PeriodMultiplier;
                start = next;
            }
        }

        return (cycle, step - start, Period * growth);
    }
}
