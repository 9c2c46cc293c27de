// Piecewise constant factors with explicit values.
// Step origin: Ramp's; boundary b_i takes effect at step b_i, so values[i] holds for b_(i-1) <= step < b_i
// (optax and Paddle's convention; Keras' PiecewiseConstantDecay switches one step later and its peer entry
// shifts the boundaries).
namespace Ramp;

/// <summary>
/// Piecewise constant, a relative factor: <c>values[i]</c> for the first i with <c>step &lt; boundaries[i]</c>,
/// and the last value from the last boundary on. There is one more value than boundaries.
/// </summary>
public sealed class PiecewiseSchedule : Schedule
{
    private readonly long[] boundaries;
    private readonly double[] values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Steps at which the next value takes over, strictly increasing, each 0 or more.</param>
    /// <param name="values">The factors, one more than the boundaries, each 0 or more.</param>
    public PiecewiseSchedule(IReadOnlyList<long> boundaries, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.boundaries = DecayChecks.IncreasingSteps(boundaries, "boundaries");
        if (values.Count != this.boundaries.Length + 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(values),
                $"values has {values.Count} elements; allowed: {this.boundaries.Length + 1}, one more than boundaries");
        }

        this.values = [.. values.Select(value => DecayChecks.AtLeast(value, 0, "values"))];
    }

    /// <summary>The catalog entry <c>piecewise(boundaries, values)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "piecewise",
        ScheduleOrigin.Ramp,
        "Constant factors between boundary steps: values[i] until boundaries[i].",
        [
            new("boundaries", ParameterKind.IntegerList, "steps at which the next value takes over, strictly increasing") { Minimum = 0 },
            new("values", ParameterKind.NumberList, "the factors, one more than the boundaries") { Minimum = 0 },
        ],
        arguments => new PiecewiseSchedule(arguments.Integers("boundaries"), arguments.Numbers("values")))
    {
        Example = "piecewise(boundaries=[1000, 5000], values=[1, 0.5, 0.1])",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps at which the next value takes over.</summary>
    public IReadOnlyList<long> Boundaries => boundaries;

    /// <summary>The factors, one more than the boundaries.</summary>
    public IReadOnlyList<double> Values => values;

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => values[SortedSteps.CountAtOrBelow(boundaries, step)];

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("piecewise", ("boundaries", Spec.Of(boundaries)), ("values", Spec.Of(values)));
}
