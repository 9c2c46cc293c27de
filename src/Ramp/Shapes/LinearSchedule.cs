// A linear ramp of the factor from start to end over a number of steps, then constant at end.
// Step origin: Ramp's; step 0 gives start and step `steps` gives end (PyTorch LinearLR's closed form).
namespace Ramp;

/// <summary>
/// A linear factor ramp, relative: <c>start + (end - start) · min(step, steps) / steps</c>. It decays when
/// end &lt; start (e.g. 1 → 0) and warms up when end &gt; start; from step <c>steps</c> on it is exactly end.
/// </summary>
public sealed class LinearSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="start">The factor at step 0, 0 or more.</param>
    /// <param name="end">The factor from step <paramref name="steps"/> on, 0 or more.</param>
    /// <param name="steps">The length of the ramp, 1 or more.</param>
    public LinearSchedule(double start, double end, long steps)
    {
        Start = DecayChecks.AtLeast(start, 0, "start");
        End = DecayChecks.AtLeast(end, 0, "end");
        Steps = DecayChecks.AtLeast(steps, 1, "steps");
    }

    /// <summary>The catalog entry <c>linear(start=1, end=0, steps)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "linear",
        ScheduleOrigin.Ramp,
        "Moves the factor linearly from start to end over steps, then holds end.",
        [
            new("start", ParameterKind.Number, "the factor at step 0") { Default = Spec.Of(1.0), Minimum = 0 },
            new("end", ParameterKind.Number, "the factor from step `steps` on") { Default = Spec.Of(0.0), Minimum = 0 },
            new("steps", ParameterKind.Integer, "the length of the ramp") { Minimum = 1 },
        ],
        arguments => new LinearSchedule(arguments.Number("start"), arguments.Number("end"), arguments.Integer("steps")))
    {
        Example = "linear(start=1, end=0.1, steps=1000)",
        Scale = RateScale.Relative,
    };

    /// <summary>The factor at step 0.</summary>
    public double Start { get; }

    /// <summary>The factor from step <see cref="Steps"/> on.</summary>
    public double End { get; }

    /// <summary>The length of the ramp.</summary>
    public long Steps { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => step >= Steps ? End : Start + ((End - Start) * step / Steps);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("linear", ("start", Spec.Of(Start)), ("end", Spec.Of(End)), ("steps", Spec.Of(Steps)));
}
