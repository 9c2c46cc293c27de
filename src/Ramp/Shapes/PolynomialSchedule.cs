// Polynomial decay from start to end over `steps` steps, optionally cycling with TensorFlow's rule.
// Step origin: Ramp's; step 0 gives start, step `steps` gives end (Keras PolynomialDecay, Paddle's
// PolynomialDecay, PyTorch PolynomialLR with end=0).
namespace Ramp;

/// <summary>
/// Polynomial decay, a relative factor: <c>(start - end) · (1 - s / horizon)^power + end</c>. Without cycle,
/// <c>s = min(step, steps)</c> and <c>horizon = steps</c>, so the factor holds at end from step <c>steps</c> on.
/// With cycle (TensorFlow's rule), <c>s = step</c> and the horizon is the first multiple of <c>steps</c>
/// at or above the step (steps itself at step 0): at each multiple the factor touches end, and on the next
/// step it jumps up and decays again, from a lower peak each cycle.
/// </summary>
public sealed class PolynomialSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">The length of the decay, 1 or more.</param>
    /// <param name="end">The factor at the end of the decay, 0 or more.</param>
    /// <param name="power">The exponent of the polynomial, 0 or more (1 is linear).</param>
    /// <param name="cycle">Whether the decay restarts past <paramref name="steps"/> (TensorFlow's rule).</param>
    /// <param name="start">The factor at step 0, 0 or more.</param>
    public PolynomialSchedule(long steps, double end = 0, double power = 1, bool cycle = false, double start = 1)
    {
        Steps = DecayChecks.AtLeast(steps, 1, "steps");
        End = DecayChecks.AtLeast(end, 0, "end");
        Power = DecayChecks.AtLeast(power, 0, "power");
        Cycle = cycle;
        Start = DecayChecks.AtLeast(start, 0, "start");
    }

    /// <summary>The catalog entry <c>polynomial(steps, end=0, power=1, cycle=false, start=1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "polynomial",
        ScheduleOrigin.Ramp,
        "Decays the factor from start to end as (1 - step/steps)^power, optionally cycling.",
        [
            new("steps", ParameterKind.Integer, "the length of the decay") { Minimum = 1 },
            new("end", ParameterKind.Number, "the factor at the end of the decay") { Default = Spec.Of(0.0), Minimum = 0 },
            new("power", ParameterKind.Number, "the exponent; 1 is linear") { Default = Spec.Of(1.0), Minimum = 0 },
            new("cycle", ParameterKind.Boolean, "restart past `steps` with a longer horizon (TensorFlow's rule)") { Default = Spec.Of(false) },
            new("start", ParameterKind.Number, "the factor at step 0") { Default = Spec.Of(1.0), Minimum = 0 },
        ],
        arguments => new PolynomialSchedule(
            arguments.Integer("steps"),
            arguments.Number("end"),
            arguments.Number("power"),
            arguments.Boolean("cycle"),
            arguments.Number("start")))
    {
        Example = "polynomial(steps=10000, end=0.01, power=2)",
        Scale = RateScale.Relative,
    };

    /// <summary>The length of the decay.</summary>
    public long Steps { get; }

    /// <summary>The factor at the end of the decay.</summary>
    public double End { get; }

    /// <summary>The exponent of the polynomial.</summary>
    public double Power { get; }

    /// <summary>Whether the decay restarts past <see cref="Steps"/>.</summary>
    public bool Cycle { get; }

    /// <summary>The factor at step 0.</summary>
    public double Start { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        double progress;
        if (Cycle)
        {
            var cycles = step <= 0 ? 1 : ((step - 1) / Steps) + 1;
            progress = (double)step / (Steps * cycles);
        }
        else
        {
            progress = (double)Math.Min(step, Steps) / Steps;
        }

        var remaining = 1 - progress;
        return ((Start - End) * (Power == 1 ? remaining : Math.Pow(remaining, Power))) + End;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "polynomial",
        ("steps", Spec.Of(Steps)),
        ("end", Spec.Of(End)),
        ("power", Spec.Of(Power)),
        ("cycle", Spec.Of(Cycle)),
        ("start", Spec.Of(Start)));
}
