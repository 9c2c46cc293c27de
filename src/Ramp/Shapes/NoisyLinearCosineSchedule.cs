// Noisy linear cosine decay (Bello et al. 2017): the linear cosine with Gaussian noise added to the linear
// ramp, its variance shrinking as variance / (1 + s)^variance_decay. Relative factor; step 0 is the first
// update. The noise is a hash of (seed, step), so the schedule is still a pure function of the step.
namespace Ramp;

/// <summary>
/// <c>f(t) = (linear_offset + (steps - s) / steps + eps(t)) * 0.5 * (1 + cos(pi * 2 * periods * s / steps)) + floor</c>
/// with <c>s = min(t, steps)</c> and <c>eps(t) = sqrt(variance / (1 + s)^variance_decay) * z(seed, t)</c>, where
/// z is a standard normal number fixed by the seed and the step: the same step always gets the same noise.
/// </summary>
public sealed class NoisyLinearCosineSchedule : Schedule
{
    private readonly ulong noiseKey;
    private readonly double deviation;
    private readonly double exponent;

    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">Steps of the decay, 1 or more.</param>
    /// <param name="periods">Number of cosine periods over the decay, 0 or more.</param>
    /// <param name="linearOffset">Added to the linear ramp before the cosine multiplies it, 0 or more.</param>
    /// <param name="floor">Added to the result, 0 or more.</param>
    /// <param name="variance">The noise variance at step 0, 0 or more.</param>
    /// <param name="varianceDecay">The exponent by which the variance shrinks with the step, 0 or more.</param>
    /// <param name="seed">Selects the noise sequence.</param>
    public NoisyLinearCosineSchedule(
        long steps,
        double periods = 0.5,
        double linearOffset = 0,
        double floor = 0,
        double variance = 1,
        double varianceDecay = 0.55,
        long seed = 0)
    {
        LinearCosine.Validate(steps, periods, linearOffset, floor);
        LinearCosine.RequireFinite(variance, nameof(variance), "variance");
        LinearCosine.RequireFinite(varianceDecay, nameof(varianceDecay), "variance_decay");
        Steps = steps;
        Periods = periods;
        LinearOffset = linearOffset;
        Floor = floor;
        Variance = variance;
        VarianceDecay = varianceDecay;
        Seed = seed;
        noiseKey = StepNoise.Key(seed);
        deviation = Math.Sqrt(variance);
        exponent = -0.5 * varianceDecay;
    }

    /// <summary>The catalog entry <c>noisy_linear_cosine(steps, periods=0.5, linear_offset=0, floor=0, variance=1, variance_decay=0.55, seed=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "noisy_linear_cosine",
        ScheduleOrigin.Ramp,
        "The linear cosine with seeded Gaussian noise on the linear ramp, fixed per step.",
        [
            .. LinearCosine.Parameters,
            new("variance", ParameterKind.Number, "the noise variance at step 0") { Default = Spec.Of(1.0), Minimum = 0 },
            new("variance_decay", ParameterKind.Number, "the variance shrinks as 1 / (1 + step)^variance_decay") { Default = Spec.Of(0.55), Minimum = 0 },
            new("seed", ParameterKind.Integer, "selects the noise sequence") { Default = Spec.Of(0.0) },
        ],
        arguments => new NoisyLinearCosineSchedule(
            arguments.Integer("steps"),
            arguments.Number("periods"),
            arguments.Number("linear_offset"),
            arguments.Number("floor"),
            arguments.Number("variance"),
            arguments.Number("variance_decay"),
            arguments.Integer("seed")))
    {
        Example = "noisy_linear_cosine(steps=10000, variance=0.01, seed=7)",
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

    /// <summary>The noise variance at step 0.</summary>
    public double Variance { get; }

    /// <summary>The exponent by which the variance shrinks with the step.</summary>
    public double VarianceDecay { get; }

    /// <summary>Selects the noise sequence.</summary>
    public long Seed { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
        => LinearCosine.Factor(step, Steps, Periods, LinearOffset, Floor, LinearCosine.Noise(step, Steps, deviation, exponent, noiseKey));

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "noisy_linear_cosine",
        ("steps", Spec.Of(Steps)),
        ("periods", Spec.Of(Periods)),
        ("linear_offset", Spec.Of(LinearOffset)),
        ("floor", Spec.Of(Floor)),
        ("variance", Spec.Of(Variance)),
        ("variance_decay", Spec.Of(VarianceDecay)),
        ("seed", Spec.Of(Seed)));
}
