// torch.optim.lr_scheduler.CyclicLR: absolute rates cycling between base_lr and max_lr. Step mapping: the value
// after k calls to step() is Rate(k) (harness B). PyTorch's float arithmetic is kept (cycle = floor(1 + t / size)), and
// so is its OverflowError once 2^(cycle - 1) or gamma^t overflows (after 1024 cycles of triangular2).
// Per-group lists of base_lr/max_lr and custom scale_fn callables cannot be written in a spec: give each group its
// own schedule. The momentum PyTorch cycles in the opposite direction is available from Momentum(step).
namespace Ramp;

/// <summary>
/// PyTorch's CyclicLR. With <c>size = up + down</c>, <c>cycle = floor(1 + t / size)</c>, <c>x = 1 + t / size - cycle</c> and
/// <c>h = x / r</c> if <c>x &lt;= r</c> else <c>(x - 1) / (r - 1)</c> (r = up / size), the rate is
/// <c>base_lr + (max_lr - base_lr) * h * s</c> and the momentum <c>max_momentum - (max_momentum - base_momentum) * h * s</c>,
/// where s is 1 (triangular), <c>1 / 2^(cycle - 1)</c> (triangular2) or <c>gamma^t</c> (exp_range).
/// </summary>
public sealed class PyTorchCyclicSchedule : Schedule
{
    private static readonly string[] Modes = ["triangular", "triangular2", "exp_range"];

    private readonly SpecCall definition;
    private readonly double baseRate;
    private readonly double maximumRate;
    private readonly double cycleSize;
    private readonly double riseRatio;
    private readonly string mode;
    private readonly double gamma;
    private readonly bool cycleMomentum;
    private readonly double baseMomentum;
    private readonly double maximumMomentum;

    private PyTorchCyclicSchedule(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        if (!arguments.IsNone("scale_fn"))
        {
            throw new ArgumentException("scale_fn: a custom scale function cannot be written in a spec; choose a mode", nameof(arguments));
        }

        baseRate = arguments.Number("base_lr");
        maximumRate = arguments.Number("max_lr");
        var up = arguments.Number("step_size_up");
        var down = arguments.OptionalNumber("step_size_down") ?? up;
        cycleSize = up + down;
        riseRatio = up / cycleSize;
        mode = arguments.Text("mode");
        gamma = arguments.Number("gamma");
        cycleMomentum = arguments.Boolean("cycle_momentum");
        baseMomentum = arguments.Number("base_momentum");
        maximumMomentum = arguments.Number("max_momentum");
    }

    /// <summary>The catalog entry <c>torch.CyclicLR(base_lr, max_lr, step_size_up=2000, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CyclicLR",
        ScheduleOrigin.PyTorch,
        "PyTorch's cyclical learning rate between base_lr and max_lr (absolute), with its momentum cycle.",
        [
            new("base_lr", ParameterKind.Number, "the rate at the bottom of each cycle") { Minimum = 0 },
            new("max_lr", ParameterKind.Number, "the rate at the top of the first cycle") { Minimum = 0 },
            new("step_size_up", ParameterKind.Number, "steps from base_lr to max_lr") { Default = Spec.Of(2000.0), Minimum = 0, MinimumExclusive = true },
            new("step_size_down", ParameterKind.Number, "steps from max_lr back to base_lr (None: step_size_up)") { Default = new SpecNone(), Minimum = 0, MinimumExclusive = true },
            new("mode", ParameterKind.Text, "how the height changes between cycles") { Default = Spec.Of("triangular"), Choices = Modes },
            new("gamma", ParameterKind.Number, "the per-step height factor of exp_range") { Default = Spec.Of(1.0), Minimum = 0 },
            new("scale_fn", ParameterKind.Text, "not supported: custom functions cannot be written in a spec") { Default = new SpecNone() },
            new("scale_mode", ParameterKind.Text, "used by PyTorch only with scale_fn; accepted and ignored") { Default = Spec.Of("cycle"), Choices = ["cycle", "iterations"] },
            new("cycle_momentum", ParameterKind.Boolean, "whether Momentum(step) cycles") { Default = Spec.Of(true) },
            new("base_momentum", ParameterKind.Number, "the momentum at the top of the rate cycle") { Default = Spec.Of(0.8), Minimum = 0 },
            new("max_momentum", ParameterKind.Number, "the momentum at the bottom of the rate cycle") { Default = Spec.Of(0.9), Minimum = 0 },
        ],
        arguments => new PyTorchCyclicSchedule(arguments))
    {
        Example = "torch.CyclicLR(base_lr=0.001, max_lr=0.01, step_size_up=500, mode='triangular2')",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var (height, scale) = Wave(step);
        return baseRate + ((maximumRate - baseRate) * height * scale);
    }

    /// <summary>
    /// The momentum (or Adam's beta1) PyTorch sets at <paramref name="step"/>: <c>max_momentum</c> at the bottom of
    /// the rate cycle, <c>base_momentum</c> at its top; null when <c>cycle_momentum</c> is false (PyTorch leaves it alone).
    /// </summary>
    /// <param name="step">The optimizer step, 0 or more.</param>
    public double? Momentum(long step)
    {
        if (!cycleMomentum)
        {
            return null;
        }

        var (height, scale) = Wave(step);
        return maximumMomentum - ((maximumMomentum - baseMomentum) * height * scale);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    private (double Height, double Scale) Wave(long step)
    {
        var cycle = Math.Floor(1 + (step / cycleSize));
        var x = 1.0 + (step / cycleSize) - cycle;
        var height = x <= riseRatio ? x / riseRatio : (x - 1) / (riseRatio - 1);
        var power = mode switch
        {
            "triangular2" => Math.Pow(2.0, cycle - 1),
            "exp_range" => Math.Pow(gamma, step),
            _ => 1.0,
        };
        if (double.IsInfinity(power))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"CyclicLR: the {mode} scale overflows at step {step} (PyTorch raises OverflowError there)");
        }

        var scale = mode == "triangular2" ? 1 / power : power;
        return (height, scale);
    }
}
