// The tanh decay of Hsueh et al. 2019 in timm's lower/upper-bound form: the rate follows 1 - tanh along
// the line from `lower` to `upper`. Relative factor; step 0 is the first update; held after `steps`.
namespace Ramp;

/// <summary>
/// <c>f(t) = floor + 0.5 * (1 - floor) * (1 - tanh(lower * (1 - r) + upper * r))</c> with <c>r = min(t, steps) / steps</c>.
/// With lower = -7 and upper = 3 it starts at 0.99999917 (tanh(-7) is not exactly -1) and ends near 0.0025.
/// </summary>
public sealed class TanhSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">Steps of the decay, 1 or more.</param>
    /// <param name="lower">The tanh argument at step 0; less than <paramref name="upper"/>.</param>
    /// <param name="upper">The tanh argument at the end of the decay.</param>
    /// <param name="floor">The factor the curve decays towards, in [0, 1].</param>
    public TanhSchedule(long steps, double lower = -7, double upper = 3, double floor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(lower < upper) || double.IsInfinity(lower) || double.IsInfinity(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, $"lower must be a finite number below upper={upper}");
        }

        if (!(floor >= 0 && floor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be a number in [0, 1]");
        }

        Steps = steps;
        Lower = lower;
        Upper = upper;
        Floor = floor;
    }

    /// <summary>The catalog entry <c>tanh(steps, lower=-7, upper=3, floor=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "tanh",
        ScheduleOrigin.Ramp,
        "A 1 - tanh decay over `steps` (timm's lb/ub form), then held.",
        [
            new("steps", ParameterKind.Integer, "steps of the decay") { Minimum = 1 },
            new("lower", ParameterKind.Number, "the tanh argument at step 0") { Default = Spec.Of(-7.0) },
            new("upper", ParameterKind.Number, "the tanh argument at the end of the decay") { Default = Spec.Of(3.0) },
            new("floor", ParameterKind.Number, "the factor the curve decays towards") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
        ],
        arguments => new TanhSchedule(arguments.Integer("steps"), arguments.Number("lower"), arguments.Number("upper"), arguments.Number("floor")))
    {
        Example = "tanh(steps=10000)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps of the decay.</summary>
    public long Steps { get; }

    /// <summary>The tanh argument at step 0.</summary>
    public double Lower { get; }

    /// <summary>The tanh argument at the end of the decay.</summary>
    public double Upper { get; }

    /// <summary>The factor the curve decays towards.</summary>
    public double Floor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var ratio = (double)Math.Min(step, Steps) / Steps;
        return Floor + (0.5 * (1 - Floor) * (1 - Math.Tanh((Lower * (1 - ratio)) + (Upper * ratio))));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "tanh",
        ("steps", Spec.Of(Steps)),
        ("lower", Spec.Of(Lower)),
        ("upper", Spec.Of(Upper)),
        ("floor", Spec.Of(Floor)));
}
