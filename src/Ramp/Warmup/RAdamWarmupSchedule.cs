// The warmup implied by RAdam (Liu et al. 2020), as Ma & Yarats (2021) and pytorch_warmup apply it to Adam:
// a factor over a schedule (spec name `radam_warmup`). Step origin: step 0 is the first update.
// ω(step) = r(step + δ), with r RAdam's rectification term and δ the smallest t >= 1 with ρ(t) > 4
// (δ = 5 for β2 = 0.999, 6 for β2 = 0.7). ω rises towards 1 and never quite reaches it.
namespace Ramp;

/// <summary>
/// RAdam's rectification term as a warmup factor that multiplies the wrapped schedule from step 0 (an overlay).
/// For β2 = 0.999 it starts at 0.0173 and reaches 0.645 after 1000 updates.
/// </summary>
/// <remarks>
/// rate(t) = ω(t)·inner(t) with ω(t) = r(t + δ), ρ∞ = 2/(1 − β2) − 1, ρ(n) = ρ∞ − 2n·β2^n/(1 − β2^n),
/// r(n) = √((ρ(n) − 4)(ρ(n) − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ(n))) and δ the smallest n >= 1 with ρ(n) &gt; 4.
/// </remarks>
public sealed class RAdamWarmupSchedule : GroupedSchedule
{
    private readonly Schedule[] children;
    private readonly double rhoInfinity;
    private readonly double logBeta2;
    private readonly double scale;

    /// <summary>Creates the warmup.</summary>
    /// <param name="schedule">The schedule the factor multiplies.</param>
    /// <param name="beta2">Adam's second-moment decay β2, in (0.6, 1).</param>
    public RAdamWarmupSchedule(Schedule schedule, double beta2 = 0.999)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        RAdamRectification.Validate(beta2, nameof(beta2));
        Inner = schedule;
        Beta2 = beta2;
        rhoInfinity = RAdamRectification.RhoInfinity(beta2);
        logBeta2 = Math.Log(beta2);
        scale = RAdamRectification.Scale(rhoInfinity);
        Offset = RAdamRectification.Offset(beta2);
        children = [schedule];
    }

    /// <summary>The catalog entry <c>radam_warmup(schedule, beta2)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "radam_warmup",
        ScheduleOrigin.Ramp,
        "RAdam's rectification term as a warmup factor from Adam's beta2 (Ma & Yarats).",
        [
            new("schedule", ParameterKind.Schedule, "the schedule the warmup factor multiplies") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            new("beta2", ParameterKind.Number, "Adam's second-moment decay") { Default = Spec.Of(0.999), Minimum = 0.6, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
        ],
        arguments => new RAdamWarmupSchedule(arguments.Schedule("schedule"), arguments.Number("beta2")))
    {
        Example = "radam_warmup(schedule=constant(1), beta2=0.98)",
    };

    /// <summary>The wrapped schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>Adam's β2.</summary>
    public double Beta2 { get; }

    /// <summary>The offset δ: the first iteration whose ρ exceeds 4.</summary>
    public long Offset { get; }

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <summary>The warmup factor ω at <paramref name="step"/>: r(step + δ).</summary>
    public double Factor(long step) => RAdamRectification.Factor(step + Offset, logBeta2, rhoInfinity, scale);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group) => Factor(step) * Inner.Rate(step, baseRate, group);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("radam_warmup", ("schedule", Inner.ToSpec()), ("beta2", Spec.Of(Beta2)));
}
