// Natural exponential decay e^(-rate·t), continuous or in a staircase (TF1's natural_exp_decay, Paddle's
// NaturalExpDecay with steps=1). Step origin: Ramp's; step 0 gives 1.
namespace Ramp;

/// <summary>
/// Natural exponential decay, a relative factor: <c>exp(-rate · step / steps)</c>, or with staircase
/// <c>exp(-rate · floor(step / steps))</c>.
/// </summary>
public sealed class NaturalExponentialSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="rate">The decay constant per <paramref name="steps"/> steps, 0 or more.</param>
    /// <param name="steps">The number of steps per unit of time, more than 0.</param>
    /// <param name="staircase">Whether the time is floored, so the factor drops every <paramref name="steps"/> steps.</param>
    public NaturalExponentialSchedule(double rate, double steps = 1, bool staircase = false)
    {
        DecayRate = DecayChecks.AtLeast(rate, 0, "rate");
        Steps = DecayChecks.Above(steps, 0, "steps");
        Staircase = staircase;
    }

    /// <summary>The catalog entry <c>natural_exponential(rate, steps=1, staircase=false)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "natural_exponential",
        ScheduleOrigin.Ramp,
        "The factor exp(-rate·step/steps), continuously or in a staircase.",
        [
            new("rate", ParameterKind.Number, "the decay constant per `steps` steps") { Minimum = 0 },
            new("steps", ParameterKind.Number, "steps per unit of time") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
            new("staircase", ParameterKind.Boolean, "floor step/steps, dropping every `steps` steps") { Default = Spec.Of(false) },
        ],
        arguments => new NaturalExponentialSchedule(arguments.Number("rate"), arguments.Number("steps"), arguments.Boolean("staircase")))
    {
        Example = "natural_exponential(rate=0.5, steps=1000)",
        Scale = RateScale.Relative,
    };

    /// <summary>The decay constant per <see cref="Steps"/> steps (the spec's <c>rate</c>).</summary>
    public double DecayRate { get; }

    /// <summary>Steps per unit of time.</summary>
    public double Steps { get; }

    /// <summary>Whether the time is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var time = step / Steps;
        return DecayMath.Exp(-DecayRate * (Staircase ? Math.Floor(time) : time));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
        => new("natural_exponential", ("rate", Spec.Of(DecayRate)), ("steps", Spec.Of(Steps)), ("staircase", Spec.Of(Staircase)));
}
