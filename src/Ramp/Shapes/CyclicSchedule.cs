// Cyclical learning rates (Smith 2017): triangles between a floor and the base rate, rising for
// `step_size_up` steps and falling for `step_size_down`. Relative factor: the base rate is the peak.
// Step 0 is the first update and the bottom of the first cycle. Cycle positions use whole-number arithmetic.
namespace Ramp;

/// <summary>
/// Triangular cycles between <see cref="Floor"/> and 1. With <c>p = t mod (up + down)</c> and cycle index
/// <c>c = t div (up + down)</c> (from 0), the height is <c>h = p / up</c> while rising and <c>(up + down - p) / down</c>
/// while falling, and <c>f(t) = floor + (1 - floor) * h * s</c> where s is 1 (<c>triangular</c>), <c>1 / 2^c</c>
/// (<c>triangular2</c>) or <c>gamma^t</c> (<c>exp_range</c>).
/// </summary>
public sealed class CyclicSchedule : Schedule
{
    private static readonly string[] Modes = ["triangular", "triangular2", "exp_range"];

    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSizeUp">Steps from the floor to the peak, 1 or more.</param>
    /// <param name="stepSizeDown">Steps from the peak back to the floor, 1 or more; null for <paramref name="stepSizeUp"/>.</param>
    /// <param name="floor">The factor at the bottom of each cycle, in [0, 1].</param>
    /// <param name="mode">How the height changes between cycles: <c>triangular</c>, <c>triangular2</c> or <c>exp_range</c>.</param>
    /// <param name="gamma">The per-step factor of <c>exp_range</c>, in (0, 1].</param>
    public CyclicSchedule(long stepSizeUp = 2000, long? stepSizeDown = null, double floor = 0.25, string mode = "triangular", double gamma = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSizeUp, 1);
        if (stepSizeDown is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSizeDown), stepSizeDown, "step_size_down must be an integer >= 1 or None");
        }

        if (!(floor >= 0 && floor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be a number in [0, 1]");
        }

        if (Array.IndexOf(Modes, mode) < 0)
        {
            throw new ArgumentException($"mode '{mode}' is not one of 'triangular', 'triangular2', 'exp_range'", nameof(mode));
        }

        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be a number in (0, 1]");
        }

        StepSizeUp = stepSizeUp;
        StepSizeDown = stepSizeDown;
        Floor = floor;
        Mode = mode;
        Gamma = gamma;
    }

    /// <summary>The catalog entry <c>cyclic(step_size_up=2000, step_size_down=None, floor=0.25, mode='triangular', gamma=1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "cyclic",
        ScheduleOrigin.Ramp,
        "Triangular cycles between a floor and the base rate (Smith 2017's cyclical learning rates).",
        [
            new("step_size_up", ParameterKind.Integer, "steps from the floor to the peak") { Default = Spec.Of(2000.0), Minimum = 1 },
            new("step_size_down", ParameterKind.Integer, "steps from the peak back to the floor (None: step_size_up)") { Default = new SpecNone(), Minimum = 1 },
            new("floor", ParameterKind.Number, "the factor at the bottom of each cycle") { Default = Spec.Of(0.25), Minimum = 0, Maximum = 1 },
            new("mode", ParameterKind.Text, "how the height changes between cycles") { Default = Spec.Of("triangular"), Choices = Modes },
            new("gamma", ParameterKind.Number, "the per-step height factor of exp_range") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true, Maximum = 1 },
        ],
        arguments => new CyclicSchedule(
            arguments.Integer("step_size_up"),
            arguments.OptionalInteger("step_size_down"),
            arguments.Number("floor"),
            arguments.Text("mode"),
            arguments.Number("gamma")))
    {
        Example = "cyclic(step_size_up=500, step_size_down=1500, floor=0.1, mode='triangular2')",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps from the floor to the peak.</summary>
    public long StepSizeUp { get; }

    /// <summary>Steps from the peak back to the floor, or null for <see cref="StepSizeUp"/>.</summary>
    public long? StepSizeDown { get; }

    /// <summary>The factor at the bottom of each cycle.</summary>
    public double Floor { get; }

    /// <summary><c>triangular</c>, <c>triangular2</c> or <c>exp_range</c>.</summary>
    public string Mode { get; }

    /// <summary>The per-step height factor of <c>exp_range</c>.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var down = StepSizeDown ?? StepSizeUp;
        var length = StepSizeUp + down;
        var cycle = step / length;
        var position = step - (cycle * length);
        var height = position <= StepSizeUp ? (double)position / StepSizeUp : (double)(length - position) / down;
        var scale = Mode switch
        {
            "triangular2" => Math.Pow(0.5, cycle),
            "exp_range" => Math.Pow(Gamma, step),
            _ => 1.0,
        };
        return Floor + ((1 - Floor) * height * scale);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "cyclic",
        [
            ("step_size_up", Spec.Of(StepSizeUp)),
            .. StepSizeDown is { } down ? [("step_size_down", Spec.Of(down))] : Array.Empty<(string, SpecValue)>(),
            ("floor", Spec.Of(Floor)),
            ("mode", Spec.Of(Mode)),
            ("gamma", Spec.Of(Gamma)),
        ]);
}
