// The constant factor: every step gives the same multiple of the base rate.
namespace Ramp;

/// <summary>A constant factor of the base rate.</summary>
public sealed class ConstantSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="value">The factor, 0 or more.</param>
    public ConstantSchedule(double value = 1.0)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "value must be a finite number >= 0");
        }

        Value = value;
    }

    /// <summary>The catalog entry <c>constant(value=1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "constant",
        ScheduleOrigin.Ramp,
        "The same factor of the base rate at every step.",
        [new("value", ParameterKind.Number, "the factor") { Default = Spec.Of(1.0), Minimum = 0 }],
        arguments => new ConstantSchedule(arguments.Number("value")))
    {
        Example = "constant(value=0.5)",
        Scale = RateScale.Relative,
    };

    /// <summary>The factor.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => Value;

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("constant", ("value", Spec.Of(Value)));
}
