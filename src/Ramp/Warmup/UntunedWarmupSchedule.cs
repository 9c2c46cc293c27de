// Untuned warmup from Adam's β2 (Ma & Yarats 2021), as a factor over a schedule (spec name `untuned_warmup`).
// Step origin: step 0 is the first update, iteration t = step + 1 in the paper's notation.
//   linear:      ω = min(1, (1 − β2)/2 · t): a linear ramp over 2/(1 − β2) updates (β2 = 0.999: 2000)
//   exponential: ω = 1 − exp(−(1 − β2) · t): time constant 1/(1 − β2) (β2 = 0.999: 1000)
// Native rule: the exact real period, no truncation. pytorch_warmup's UntunedLinearWarmup truncates the
// period with int(), which for β2 = 0.999 gives 1999 (2/(1 − 0.999) = 1999.99... in floating point); that
// behaviour lives under its own name (pytorch_warmup.UntunedLinearWarmup).
namespace Ramp;

/// <summary>
/// The untuned warmup of Ma &amp; Yarats: a factor derived from Adam's β2 that multiplies the wrapped
/// schedule from step 0 (an overlay), linear over 2/(1 − β2) updates or exponential with rate 1 − β2.
/// </summary>
public sealed class UntunedWarmupSchedule : GroupedSchedule
{
    private readonly Schedule[] children;

    /// <summary>Creates the warmup.</summary>
    /// <param name="schedule">The schedule the factor multiplies.</param>
    /// <param name="beta2">Adam's second-moment decay β2, in (0, 1).</param>
    /// <param name="shape"><see cref="WarmupShape.Linear"/> or <see cref="WarmupShape.Exponential"/>.</param>
    public UntunedWarmupSchedule(Schedule schedule, double beta2 = 0.999, WarmupShape shape = WarmupShape.Linear)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!(beta2 is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, $"beta2={SpecNumber.Format(beta2)} must be in (0, 1)");
        }

        if (shape is not (WarmupShape.Linear or WarmupShape.Exponential))
        {
            throw new ArgumentException($"shape='{WarmupShapes.Name(shape)}' is not an untuned warmup; allowed: 'linear', 'exponential'", nameof(shape));
        }

        Inner = schedule;
        Beta2 = beta2;
        Shape = shape;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>untuned_warmup(schedule, beta2, shape)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "untuned_warmup",
        ScheduleOrigin.Ramp,
        "Ma & Yarats' untuned warmup from Adam's beta2: linear over 2/(1-beta2) steps, or exponential with rate 1-beta2.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule the warmup factor multiplies") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            new("beta2", ParameterKind.Number, "Adam's second-moment decay") { Default = Spec.Of(0.999), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
            new("shape", ParameterKind.Text, "linear: over 2/(1-beta2) steps; exponential: 1 - exp(-(1-beta2) t)") { Default = Spec.Of("linear"), Choices = ["linear", "exponential"] },
        ],
        arguments => new UntunedWarmupSchedule(arguments.Schedule("schedule"), arguments.Number("beta2"), WarmupShapes.Parse(arguments.Text("shape"))))
    {
        Example = "untuned_warmup(schedule=constant(1), beta2=0.98, shape='linear')",
    };

    /// <summary>The wrapped schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>Adam's β2.</summary>
    public double Beta2 { get; }

    /// <summary>Linear or exponential.</summary>
    public WarmupShape Shape { get; }

    /// <summary>The warmup period τ: 2/(1 − β2) for linear (the ramp's length), 1/(1 − β2) for exponential (the time constant).</summary>
    public double Period => (Shape == WarmupShape.Linear ? 2.0 : 1.0) / (1 - Beta2);

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <summary>The warmup factor ω at <paramref name="step"/>.</summary>
    public double Factor(long step)
    {
        var iteration = (double)(step + 1);
        return Shape == WarmupShape.Linear
            ? Math.Min(1.0, (1 - Beta2) / 2 * iteration)
            : 1 - Math.Exp(-(1 - Beta2) * iteration);
    }

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group) => Factor(step) * Inner.Rate(step, baseRate, group);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "untuned_warmup",
        ("schedule", Inner.ToSpec()),
        ("beta2", Spec.Of(Beta2)),
        ("shape", Spec.Of(WarmupShapes.Name(Shape))));
}
