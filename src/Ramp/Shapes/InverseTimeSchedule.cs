// Inverse time decay 1/(1 + rate·t), continuous or in a staircase (Keras InverseTimeDecay, Paddle's
// InverseTimeDecay with steps=1). Step origin: Ramp's; step 0 gives 1.
namespace Ramp;

/// <summary>
/// Inverse time decay, a relative factor: <c>1 / (1 + rate · step / steps)</c>, or with staircase
/// <c>1 / (1 + rate · floor(step / steps))</c>.
/// </summary>
public sealed class InverseTimeSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="rate">How fast the factor falls per <paramref name="steps"/> steps, 0 or more.</param>
    /// <param name="steps">The number of steps per unit of time, more than 0.</param>
    /// <param name="staircase">Whether the time is floored, so the factor drops every <paramref name="steps"/> steps.</param>
    public InverseTimeSchedule(double rate, double steps = 1, bool staircase = false)
    {
        DecayRate = DecayChecks.AtLeast(rate, 0, "rate");
        Steps = DecayChecks.Above(steps, 0, "steps");
        Staircase = staircase;
    }

    /// <summary>The catalog entry <c>inverse_time(rate, steps=1, staircase=false)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "inverse_time",
        ScheduleOrigin.Ramp,
        "The factor 1/(1 + rate·step/steps), continuously or in a staircase.",
        [
            new("rate", ParameterKind.Number, "how fast the factor falls per `steps` steps") { Minimum = 0 },
            new("steps", ParameterKind.Number, "steps per unit of time") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
            new("staircase", ParameterKind.Boolean, "floor step/steps, dropping every `steps` steps") { Default = Spec.Of(false) },
        ],
        arguments => new InverseTimeSchedule(arguments.Number("rate"), arguments.Number("steps"), arguments.Boolean("staircase")))
    {
        Example = "inverse_time(rate=0.5, steps=1000)",
        Scale = RateScale.Relative,
    };

    /// <summary>How fast the factor falls per <see cref="Steps"/> steps (the spec's <c>rate</c>).</summary>
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
        return 1 / (1 + (DecayRate * (Staircase ? Math.Floor(time) : time)));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
        => new("inverse_time", ("rate", Spec.Of(DecayRate)), ("steps", Spec.Of(Steps)), ("staircase", Spec.Of(Staircase)));
}
