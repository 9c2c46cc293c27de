// Step decay: the factor is multiplied by gamma every step_size steps.
// Step origin: Ramp's (step 0 = the first update); the first drop takes effect at step == step_size,
// as in PyTorch's StepLR, Paddle's StepDecay and Keras' staircase ExponentialDecay.
namespace Ramp;

/// <summary>
/// Step decay, a relative factor: <c>gamma^floor(step / step_size)</c>. The factor is 1 for steps
/// 0..step_size-1, gamma from step_size on, gamma² from 2·step_size on, and so on.
/// </summary>
public sealed class StepSchedule : Schedule
{
    // gamma^k for the first 64 drops, computed once with Math.Pow (what the peers compute); past them the
    // factor is tiny and exp(k·ln gamma) avoids pow's slow path near underflow (see DecayMath).
    private readonly double[] powers = new double[64];
    private readonly double logGamma;

    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Steps between two drops, 1 or more.</param>
    /// <param name="gamma">The factor applied at each drop, 0 or more.</param>
    public StepSchedule(long stepSize, double gamma = 0.1)
    {
        StepSize = DecayChecks.AtLeast(stepSize, 1, "step_size");
        Gamma = DecayChecks.AtLeast(gamma, 0, "gamma");
        for (var drops = 0; drops < powers.Length; drops++)
        {
            powers[drops] = Math.Pow(Gamma, drops);
        }

        logGamma = Math.Log(Gamma);
    }

    /// <summary>The catalog entry <c>step(step_size, gamma=0.1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "step",
        ScheduleOrigin.Ramp,
        "Multiplies the factor by gamma every step_size steps.",
        [
            new("step_size", ParameterKind.Integer, "steps between two drops") { Minimum = 1 },
            new("gamma", ParameterKind.Number, "the factor applied at each drop") { Default = Spec.Of(0.1), Minimum = 0 },
        ],
        arguments => new StepSchedule(arguments.Integer("step_size"), arguments.Number("gamma")))
    {
        Example = "step(step_size=30, gamma=0.1)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps between two drops.</summary>
    public long StepSize { get; }

    /// <summary>The factor applied at each drop.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var drops = step / StepSize;
        return (ulong)drops < (ulong)powers.Length ? powers[drops] : DecayMath.Exp(drops * logGamma);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("step", ("step_size", Spec.Of(StepSize)), ("gamma", Spec.Of(Gamma)));
}
