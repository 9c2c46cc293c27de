// Linear cosine decay (Bello et al. 2017, "Neural Optimizer Search with RL"): a linear ramp to zero times a
// cosine with a chosen number of periods, plus a floor. Relative factor; step 0 is the first update; the
// value is held after `steps`. TensorFlow's alpha and beta are `linear_offset` and `floor` here.
namespace Ramp;

/// <summary>
/// <c>f(t) = (linear_offset + (steps - s) / steps) * 0.5 * (1 + cos(pi * 2 * periods * s / steps)) + floor</c>
/// with <c>s = min(t, steps)</c>. With the defaults it starts at 1 and ends at 0.
/// </summary>
public sealed class LinearCosineSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">Steps of the decay, 1 or more.</param>
    /// <param name="periods">Number of cosine periods over the decay, 0 or more (0.5: a single half cosine).</param>
    /// <param name="linearOffset">Added to the linear ramp before the cosine multiplies it, 0 or more.</param>
    /// <param name="floor">Added to the result, 0 or more.</param>
    public LinearCosineSchedule(long steps, double periods = 0.5, double linearOffset = 0, double floor = 0)
    {
        LinearCosine.Validate(steps, periods, linearOffset, floor);
        Steps = steps;
        Periods = periods;
        LinearOffset = linearOffset;
        Floor = floor;
    }

    /// <summary>The catalog entry <c>linear_cosine(steps, periods=0.5, linear_offset=0, floor=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "linear_cosine",
        ScheduleOrigin.Ramp,
        "A linear ramp to zero times a cosine with `periods` periods, plus a floor (Bello et al. 2017).",
        LinearCosine.Parameters,
        arguments => new LinearCosineSchedule(
            arguments.Integer("steps"),
            arguments.Number("periods"),
            arguments.Number("linear_offset"),
            arguments.Number("floor")))
    {
        Example = "linear_cosine(steps=10000, periods=2)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps of the decay.</summary>
    public long Steps { get; }

    /// <summary>Number of cosine periods over the decay.</summary>
    public double Periods { get; }

    /// <summary>Added to the linear ramp before the cosine multiplies it.</summary>
    public double LinearOffset { get; }

    /// <summary>Added to the result.</summary>
    public double Floor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => LinearCosine.Factor(step, Steps, Periods, LinearOffset, Floor, 0);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "linear_cosine",
        ("steps", Spec.Of(Steps)),
        ("periods", Spec.Of(Periods)),
        ("linear_offset", Spec.Of(LinearOffset)),
        ("floor", Spec.Of(Floor)));
}

/// <summary>The arithmetic, in TensorFlow's operation order, shared by the linear cosine shapes and their peers.</summary>
internal static class LinearCosine
{
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("steps", ParameterKind.Integer, "steps of the decay") { Minimum = 1 },
        new("periods", ParameterKind.Number, "number of cosine periods over the decay") { Default = Spec.Of(0.5), Minimum = 0 },
        new("linear_offset", ParameterKind.Number, "added to the linear ramp before the cosine multiplies it") { Default = Spec.Of(0.0), Minimum = 0 },
        new("floor", ParameterKind.Number, "added to the result") { Default = Spec.Of(0.0), Minimum = 0 },
    ];

    /// <summary>The factor at <paramref name="step"/>, with <paramref name="noise"/> added to the linear ramp.</summary>
    public static double Factor(long step, double steps, double periods, double alpha, double beta, double noise)
    {
        var clamped = Math.Min(step, steps);
        var linear = (steps - clamped) / steps;
        var fraction = 2.0 * periods * (clamped / steps);
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * fraction));
        return ((alpha + (linear + noise)) * cosine) + beta;
    }

    /// <summary>
    /// Gaussian noise of step <paramref name="step"/> with variance <c>variance / (1 + min(step, steps))^decay</c>, given
    /// as its deviation at step 0 (<c>sqrt(variance)</c>) and the exponent <c>-decay / 2</c>, both computed once.
    /// </summary>
    /// <param name="step">The step.</param>
    /// <param name="steps">The decay steps.</param>
    /// <param name="deviation">sqrt(variance): the deviation at step 0.</param>
    /// <param name="exponent">-variance_decay / 2: the deviation shrinks as (1 + s)^exponent.</param>
    /// <param name="key">The noise key, <see cref="StepNoise.Key"/> of the seed.</param>
    public static double Noise(long step, double steps, double deviation, double exponent, ulong key)
    {
        var shrink = exponent == 0 ? 1 : Math.Exp(exponent * Math.Log(1.0 + Math.Min(step, steps)));
        return deviation * shrink * StepNoise.Normal(key, step, 0);
    }

    public static void Validate(long steps, double periods, double linearOffset, double floor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        RequireFinite(periods, nameof(periods), "periods");
        RequireFinite(linearOffset, nameof(linearOffset), "linear_offset");
        RequireFinite(floor, nameof(floor), "floor");
    }

    public static void RequireFinite(double value, string parameter, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"{name} must be a finite number >= 0");
        }
    }
}
