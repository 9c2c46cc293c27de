// The cosine shape: a half cosine from the base rate down to a floor over `steps`, then held at the floor.
// Relative factor; step 0 is the first update. Unlike PyTorch's CosineAnnealingLR it never climbs back.
namespace Ramp;

/// <summary>
/// A half cosine from 1 at step 0 to <see cref="Floor"/> at step <see cref="Steps"/>, held there afterwards:
/// <c>f(t) = floor + (1 - floor) * (0.5 * (1 + cos(pi * min(t, steps) / steps)))^exponent</c>.
/// An exponent above 1 leaves the high rates sooner (optax's <c>exponent</c>).
/// </summary>
public sealed class CosineSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="steps">Steps from the base rate to the floor, 1 or more.</param>
    /// <param name="floor">The final factor, in [0, 1].</param>
    /// <param name="exponent">The power applied to the half cosine, greater than 0.</param>
    public CosineSchedule(long steps, double floor = 0, double exponent = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(floor >= 0 && floor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be a number in [0, 1]");
        }

        if (!(exponent > 0) || double.IsInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "exponent must be a finite number > 0");
        }

        Steps = steps;
        Floor = floor;
        Exponent = exponent;
    }

    /// <summary>The catalog entry <c>cosine(steps, floor=0, exponent=1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "cosine",
        ScheduleOrigin.Ramp,
        "A half cosine from the base rate to a floor over `steps`, then held at the floor.",
        [
            new("steps", ParameterKind.Integer, "steps from the base rate to the floor") { Minimum = 1 },
            new("floor", ParameterKind.Number, "the final factor") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
            new("exponent", ParameterKind.Number, "the power applied to the half cosine") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
        ],
        arguments => new CosineSchedule(arguments.Integer("steps"), arguments.Number("floor"), arguments.Number("exponent")))
    {
        Example = "cosine(steps=10000, floor=0.1)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps from the base rate to the floor.</summary>
    public long Steps { get; }

    /// <summary>The final factor.</summary>
    public double Floor { get; }

    /// <summary>The power applied to the half cosine.</summary>
    public double Exponent { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var wave = Annealing.HalfCosine((double)Math.Min(step, Steps) / Steps);
        return Floor + ((1 - Floor) * (Exponent == 1 ? wave : Math.Pow(wave, Exponent)));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("cosine", ("steps", Spec.Of(Steps)), ("floor", Spec.Of(Floor)), ("exponent", Spec.Of(Exponent)));
}
