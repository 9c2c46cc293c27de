// The one-cycle policy (Smith & Topin 2017): rise from a small factor to the base rate, then anneal far
// below the start; optionally in three phases (back down to the start first, as in the paper). Relative
// factor; step 0 is the first update; the end factor is reached at step `steps` and held.
namespace Ramp;

/// <summary>
/// With <c>p = rise_fraction * steps</c> and <c>s = min(t, steps)</c>: from <c>start_factor</c> at step 0 to 1 at step p;
/// then (two phases) to <c>end_factor</c> at <c>steps</c>, or (three phases) back to <c>start_factor</c> at 2p and
/// on to <c>end_factor</c> at <c>steps</c>. Each phase follows a half cosine (<c>cosine</c>) or a line (<c>linear</c>).
/// Unlike PyTorch's OneCycleLR the phases end at p, 2p and steps (not one step earlier) and the end is held.
/// </summary>
public sealed class OneCycleSchedule : Schedule
{
    private static readonly string[] Anneals = ["cosine", "linear"];

    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">Steps of the whole cycle, 1 or more.</param>
    /// <param name="riseFraction">Fraction of the steps spent rising, in (0, 1); below 0.5 with three phases.</param>
    /// <param name="startFactor">The factor at step 0, in [0, 1].</param>
    /// <param name="endFactor">The factor at the end, in [0, 1].</param>
    /// <param name="threePhase">Whether to come back down to <paramref name="startFactor"/> before the final anneal.</param>
    /// <param name="anneal">The shape of each phase: <c>cosine</c> or <c>linear</c>.</param>
    public OneCycleSchedule(long steps, double riseFraction = 0.3, double startFactor = 0.04, double endFactor = 4e-6, bool threePhase = false, string anneal = "cosine")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(riseFraction > 0 && riseFraction < (threePhase ? 0.5 : 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(riseFraction), riseFraction, threePhase
                ? "rise_fraction must be a number in (0, 0.5) with three_phase"
                : "rise_fraction must be a number in (0, 1)");
        }

        if (!(startFactor >= 0 && startFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), startFactor, "start_factor must be a number in [0, 1]");
        }

        if (!(endFactor >= 0 && endFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(endFactor), endFactor, "end_factor must be a number in [0, 1]");
        }

        if (Array.IndexOf(Anneals, anneal) < 0)
        {
            throw new ArgumentException($"anneal '{anneal}' is not one of 'cosine', 'linear'", nameof(anneal));
        }

        Steps = steps;
        RiseFraction = riseFraction;
        StartFactor = startFactor;
        EndFactor = endFactor;
        ThreePhase = threePhase;
        Anneal = anneal;
    }

    /// <summary>The catalog entry <c>one_cycle(steps, rise_fraction=0.3, start_factor=0.04, end_factor=4e-06, three_phase=false, anneal='cosine')</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "one_cycle",
        ScheduleOrigin.Ramp,
        "One cycle: rise to the base rate, then anneal far below the start (two or three phases).",
        [
            new("steps", ParameterKind.Integer, "steps of the whole cycle") { Minimum = 1 },
            new("rise_fraction", ParameterKind.Number, "fraction of the steps spent rising") { Default = Spec.Of(0.3), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
            new("start_factor", ParameterKind.Number, "the factor at step 0") { Default = Spec.Of(0.04), Minimum = 0, Maximum = 1 },
            new("end_factor", ParameterKind.Number, "the factor at the end") { Default = Spec.Of(4e-6), Minimum = 0, Maximum = 1 },
            new("three_phase", ParameterKind.Boolean, "come back down to start_factor before the final anneal") { Default = Spec.Of(false) },
            new("anneal", ParameterKind.Text, "the shape of each phase") { Default = Spec.Of("cosine"), Choices = Anneals },
        ],
        arguments => new OneCycleSchedule(
            arguments.Integer("steps"),
            arguments.Number("rise_fraction"),
            arguments.Number("start_factor"),
            arguments.Number("end_factor"),
            arguments.Boolean("three_phase"),
            arguments.Text("anneal")))
    {
        Example = "one_cycle(steps=10000, rise_fraction=0.25, three_phase=true)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps of the whole cycle.</summary>
    public long Steps { get; }

    /// <summary>Fraction of the steps spent rising.</summary>
    public double RiseFraction { get; }

    /// <summary>The factor at step 0.</summary>
    public double StartFactor { get; }

    /// <summary>The factor at the end.</summary>
    public double EndFactor { get; }

    /// <summary>Whether the rate comes back down to <see cref="StartFactor"/> before the final anneal.</summary>
    public bool ThreePhase { get; }

    /// <summary><c>cosine</c> or <c>linear</c>.</summary>
    public string Anneal { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        double position = Math.Min(step, Steps);
        var peak = RiseFraction * Steps;
        if (position <= peak)
        {
            return Interpolate(StartFactor, 1, position / peak);
        }

        if (!ThreePhase)
        {
            return Interpolate(1, EndFactor, (position - peak) / (Steps - peak));
        }

        return position <= 2 * peak
            ? Interpolate(1, StartFactor, (position - peak) / peak)
            : Interpolate(StartFactor, EndFactor, (position - (2 * peak)) / (Steps - (2 * peak)));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "one_cycle",
        ("steps", Spec.Of(Steps)),
        ("rise_fraction", Spec.Of(RiseFraction)),
        ("start_factor", Spec.Of(StartFactor)),
        ("end_factor", Spec.Of(EndFactor)),
        ("three_phase", Spec.Of(ThreePhase)),
        ("anneal", Spec.Of(Anneal)));

    private double Interpolate(double start, double end, double pct)
        => Anneal == "linear" ? Annealing.Linear(start, end, pct) : Annealing.Cosine(start, end, pct);
}
