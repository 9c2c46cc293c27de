// Short constructors for spec values, so that schedules can write their definitions in one expression:
// new SpecCall("StepLR", ("step_size", Spec.Of(30)), ("gamma", Spec.Of(0.1))).
namespace Ramp;

/// <summary>Helpers that build <see cref="SpecValue"/>s from .NET values.</summary>
public static class Spec
{
    /// <summary>A number.</summary>
    public static SpecValue Of(double value) => new SpecNumber(value);

    /// <summary>A boolean.</summary>
    public static SpecValue Of(bool value) => new SpecBoolean(value);

    /// <summary>A string, or <c>None</c> for null.</summary>
    public static SpecValue Of(string? value) => value is null ? new SpecNone() : new SpecText(value);

    /// <summary>A number, or <c>None</c> for null.</summary>
    public static SpecValue Of(double? value) => value is { } number ? new SpecNumber(number) : new SpecNone();

    /// <summary>A list of numbers.</summary>
    public static SpecValue Of(IEnumerable<double> values) => new SpecList([.. values.Select(value => (SpecValue)new SpecNumber(value))]);

    /// <summary>A list of integers.</summary>
    public static SpecValue Of(IEnumerable<long> values) => new SpecList([.. values.Select(value => (SpecValue)new SpecNumber(value))]);

    /// <summary>A nested schedule.</summary>
    public static SpecValue Of(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.ToSpec();
    }

    /// <summary>A list of nested schedules.</summary>
    public static SpecValue Of(IEnumerable<Schedule> schedules) => new SpecList([.. schedules.Select(schedule => (SpecValue)schedule.ToSpec())]);

    /// <summary>A map of numbers to numbers.</summary>
    public static SpecValue Of(IEnumerable<KeyValuePair<double, double>> entries)
        => new SpecMap([.. entries.Select(entry => new KeyValuePair<SpecValue, SpecValue>(new SpecNumber(entry.Key), new SpecNumber(entry.Value)))]);
}
