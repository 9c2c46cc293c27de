// paddle.optimizer.lr.OneCycleLR: PyTorch's phases with Paddle's names and an absolute end_learning_rate, no
// momentum. Step mapping: the value after k calls to step() is Rate(k) (harness B). Past total_steps Paddle
// raises, and so does Rate.
namespace Ramp;

/// <summary>
/// From <c>max_learning_rate / divide_factor</c> up to <c>max_learning_rate</c> and down to <c>end_learning_rate</c>
/// (three phases: back to the initial rate first), over PyTorch's phase ends (see <see cref="OneCyclePhases"/>).
/// </summary>
internal sealed class PaddleOneCycleSchedule : Schedule
{
    private readonly SpecCall definition;
    private readonly long totalSteps;
    private readonly OneCyclePhases phases;
    private readonly double[] rates;

    private PaddleOneCycleSchedule(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        totalSteps = arguments.Integer("total_steps");
        var threePhase = arguments.Boolean("three_phase");
        var pct = arguments.Number("phase_pct");
        if (threePhase && pct >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), pct, $"phase_pct={pct} must be below 0.5 when three_phase is true");
        }

        phases = new OneCyclePhases(totalSteps, pct, threePhase, arguments.Text("anneal_strategy") == "cos", "phase_pct");
        var peak = arguments.Number("max_learning_rate");
        var initial = peak / arguments.Number("divide_factor");
        var end = arguments.Number("end_learning_rate");
        rates = threePhase ? [initial, peak, initial, end] : [initial, peak, end];
    }

    /// <summary>The catalog entry <c>paddle.OneCycleLR(max_learning_rate, total_steps, divide_factor=25, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "OneCycleLR",
        ScheduleOrigin.Paddle,
        "Paddle's one-cycle policy (absolute end_learning_rate); raises past total_steps.",
        [
            new("max_learning_rate", ParameterKind.Number, "the peak rate") { Minimum = 0 },
            new("total_steps", ParameterKind.Integer, "steps of the cycle") { Minimum = 1 },
            new("divide_factor", ParameterKind.Number, "initial rate = max_learning_rate / divide_factor") { Default = Spec.Of(25.0), Minimum = 0, MinimumExclusive = true },
            new("end_learning_rate", ParameterKind.Number, "the final rate") { Default = Spec.Of(0.0001), Minimum = 0 },
            new("phase_pct", ParameterKind.Number, "fraction of the steps spent rising") { Default = Spec.Of(0.3), Minimum = 0, Maximum = 1 },
            new("anneal_strategy", ParameterKind.Text, "the shape of each phase") { Default = Spec.Of("cos"), Choices = ["cos", "linear"] },
            new("three_phase", ParameterKind.Boolean, "come back down to the initial rate before the final anneal") { Default = Spec.Of(false) },
        ],
        arguments => new PaddleOneCycleSchedule(arguments))
    {
        Example = "paddle.OneCycleLR(max_learning_rate=0.01, total_steps=10000)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step > totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"OneCycleLR: step {step} is past total_steps={totalSteps} (Paddle raises there)");
        }

        return phases.Interpolate(step, rates);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
