// Exponential decay with a rate per `steps` steps, continuous or in a staircase.
// Step origin: Ramp's; step 0 gives 1 (Keras ExponentialDecay, optax exponential_decay without a delay,
// PyTorch ExponentialLR with steps=1).
namespace Ramp;

/// <summary>
/// Exponential decay, a relative factor: <c>rate^(step / steps)</c>, or <c>rate^floor(step / steps)</c> with
/// staircase. A rate above 1 grows instead (as in a learning-rate range test).
/// </summary>
public sealed class ExponentialSchedule : Schedule
{
    // rate^x is computed as exp(x·ln rate): several times faster than Math.Pow, within ~1e-16·|x·ln rate|;
    // factors below the smallest normal double are 0 (see DecayMath).
    private readonly double logRate;

    /// <summary>Creates the schedule.</summary>
    /// <param name="rate">The factor reached after <paramref name="steps"/> steps, 0 or more.</param>
    /// <param name="steps">The number of steps over which the factor is multiplied by rate, more than 0.</param>
    /// <param name="staircase">Whether the exponent is floored, so the factor drops every <paramref name="steps"/> steps.</param>
    public ExponentialSchedule(double rate, double steps = 1, bool staircase = false)
    {
        DecayRate = DecayChecks.AtLeast(rate, 0, "rate");
        Steps = DecayChecks.Above(steps, 0, "steps");
        Staircase = staircase;
        logRate = Math.Log(DecayRate);
    }

    /// <summary>The catalog entry <c>exponential(rate, steps=1, staircase=false)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "exponential",
        ScheduleOrigin.Ramp,
        "Multiplies the factor by rate every `steps` steps, continuously or in a staircase.",
        [
            new("rate", ParameterKind.Number, "the factor reached after `steps` steps") { Minimum = 0 },
            new("steps", ParameterKind.Number, "steps per multiplication by rate") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
            new("staircase", ParameterKind.Boolean, "floor the exponent, dropping every `steps` steps") { Default = Spec.Of(false) },
        ],
        arguments => new ExponentialSchedule(arguments.Number("rate"), arguments.Number("steps"), arguments.Boolean("staircase")))
    {
        Example = "exponential(rate=0.96, steps=1000)",
        Scale = RateScale.Relative,
    };

    /// <summary>The factor reached after <see cref="Steps"/> steps (the spec's <c>rate</c>).</summary>
    public double DecayRate { get; }

    /// <summary>Steps per multiplication by the rate.</summary>
    public double Steps { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var exponent = step / Steps;
        if (Staircase)
        {
            exponent = Math.Floor(exponent);
        }

        // 0^0 = 1 as Math.Pow has it; exp(0·ln 0) would be NaN.
        return exponent == 0 ? 1 : DecayMath.Exp(exponent * logRate);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
        => new("exponential", ("rate", Spec.Of(DecayRate)), ("steps", Spec.Of(Steps)), ("staircase", Spec.Of(Staircase)));
}
