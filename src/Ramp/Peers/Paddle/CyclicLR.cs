// paddle.optimizer.lr.CyclicLR: PyTorch's cyclical rate with Paddle's names (base_learning_rate, exp_gamma),
// integer step sizes and no momentum. Step mapping: the value after k calls to step() is Rate(k) (harness B).
// Paddle counts cycles with floor division (1 + t // size), which whole-number arithmetic reproduces exactly; like
// PyTorch it raises OverflowError once 2^(cycle - 1) or exp_gamma^t overflows, and so does Rate.
namespace Ramp;

/// <summary>
/// <c>base + (max - base) * h * s</c> with <c>cycle = 1 + t div size</c>, <c>x = 1 + t / size - cycle</c>, <c>h = x / r</c> if
/// <c>x &lt;= r</c> else <c>(1 - x) / (1 - r)</c> (r = up / size), and s as in PyTorch's CyclicLR.
/// </summary>
internal sealed class PaddleCyclicSchedule : Schedule
{
    private static readonly string[] Modes = ["triangular", "triangular2", "exp_range"];

    private readonly SpecCall definition;
    private readonly double baseRate;
    private readonly double amplitude;
    private readonly long cycleSize;
    private readonly double risePercent;
    private readonly string mode;
    private readonly double gamma;

    private PaddleCyclicSchedule(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        if (!arguments.IsNone("scale_fn"))
        {
            throw new ArgumentException("scale_fn: a custom scale function cannot be written in a spec; choose a mode", nameof(arguments));
        }

        baseRate = arguments.Number("base_learning_rate");
        amplitude = arguments.Number("max_learning_rate") - baseRate;
        var up = arguments.Integer("step_size_up");
        cycleSize = up + (arguments.OptionalInteger("step_size_down") ?? up);
        risePercent = (double)up / cycleSize;
        mode = arguments.Text("mode");
        gamma = arguments.Number("exp_gamma");
    }

    /// <summary>The catalog entry <c>paddle.CyclicLR(base_learning_rate, max_learning_rate, step_size_up, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CyclicLR",
        ScheduleOrigin.Paddle,
        "Paddle's cyclical learning rate between base_learning_rate and max_learning_rate (absolute).",
        [
            new("base_learning_rate", ParameterKind.Number, "the rate at the bottom of each cycle") { Minimum = 0 },
            new("max_learning_rate", ParameterKind.Number, "the rate at the top of the first cycle") { Minimum = 0 },
            new("step_size_up", ParameterKind.Integer, "steps from the bottom to the top") { Minimum = 1 },
            new("step_size_down", ParameterKind.Integer, "steps from the top back down (None: step_size_up)") { Default = new SpecNone(), Minimum = 1 },
            new("mode", ParameterKind.Text, "how the height changes between cycles") { Default = Spec.Of("triangular"), Choices = Modes },
            new("exp_gamma", ParameterKind.Number, "the per-step height factor of exp_range") { Default = Spec.Of(1.0), Minimum = 0 },
            new("scale_fn", ParameterKind.Text, "not supported: custom functions cannot be written in a spec") { Default = new SpecNone() },
            new("scale_mode", ParameterKind.Text, "used by Paddle only with scale_fn; accepted and ignored") { Default = Spec.Of("cycle"), Choices = ["cycle", "iterations"] },
        ],
        arguments => new PaddleCyclicSchedule(arguments))
    {
        Example = "paddle.CyclicLR(base_learning_rate=0.001, max_learning_rate=0.01, step_size_up=500)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var cycle = 1 + (step / cycleSize);
        var x = 1.0 + ((double)step / cycleSize) - cycle;
        var height = x <= risePercent ? x / risePercent : (1 - x) / (1 - risePercent);
        var power = mode switch
        {
            "triangular2" => Math.Pow(2.0, cycle - 1),
            "exp_range" => Math.Pow(gamma, step),
            _ => 1.0,
        };
        if (double.IsInfinity(power))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"CyclicLR: the {mode} scale overflows at step {step} (Paddle raises OverflowError there)");
        }

        var scale = mode == "triangular2" ? 1 / power : power;
        return baseRate + (amplitude * height * scale);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
