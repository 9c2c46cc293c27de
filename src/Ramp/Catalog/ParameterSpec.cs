// The description of one schedule parameter: the single source for binding, validation, `ramp schedule list` and docs.
using System.Globalization;

namespace Ramp;

/// <summary>One parameter of a catalog entry: name as the peer spells it, type, default, allowed range.</summary>
/// <param name="Name">The name, spelled as the origin library spells it.</param>
/// <param name="Kind">The value type.</param>
/// <param name="Summary">One line on what it does.</param>
public sealed record ParameterSpec(string Name, ParameterKind Kind, string Summary)
{
    /// <summary>The default value; null makes the parameter required, <see cref="SpecNone"/> makes it optional without a value.</summary>
    public SpecValue? Default { get; init; }

    /// <summary>The smallest allowed value (for lists: of each element), or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded.</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>The largest allowed value (for lists: of each element), or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether <see cref="Maximum"/> itself is excluded.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>The allowed strings of a <see cref="ParameterKind.Text"/> parameter, or null for any.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Other names that bind to this parameter, e.g. TF1's <c>learning_rate</c> for Keras' <c>initial_learning_rate</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whether the parameter must be given.</summary>
    public bool IsRequired => Default is null;

    /// <summary>The allowed values in words, e.g. <c>&gt; 0</c>, <c>0 to 1</c>, <c>one of 'cos', 'linear'</c>.</summary>
    public string DescribeAllowed()
    {
        if (Choices is { } choices)
        {
            return "one of " + string.Join(", ", choices.Select(choice => $"'{choice}'"));
        }

        var kind = Kind switch
        {
            ParameterKind.Integer => "an integer",
            ParameterKind.IntegerList => "a list of integers",
            ParameterKind.NumberList => "a list of numbers",
            ParameterKind.NumberMap => "a map of numbers to numbers",
            ParameterKind.Boolean => "true or false",
            ParameterKind.Text => "a string",
            ParameterKind.Schedule => "a schedule",
            ParameterKind.ScheduleList => "a list of schedules",
            ParameterKind.NumberOrSchedule => "a schedule or a number",
            _ => "a number",
        };
        var range = (Minimum, Maximum) switch
        {
            ({ } low, { } high) => $" in {(MinimumExclusive ? "(" : "[")}{Format(low)}, {Format(high)}{(MaximumExclusive ? ")" : "]")}",
            ({ } low, null) => $" {(MinimumExclusive ? ">" : ">=")} {Format(low)}",
            (null, { } high) => $" {(MaximumExclusive ? "<" : "<=")} {Format(high)}",
            _ => string.Empty,
        };
        var none = Default is SpecNone ? " or None" : string.Empty;
        return kind + range + none;
    }

    /// <summary>Whether <paramref name="value"/> lies in the allowed range.</summary>
    public bool InRange(double value)
        => !double.IsNaN(value)
        && (Minimum is not { } low || (MinimumExclusive ? value > low : value >= low))
        && (Maximum is not { } high || (MaximumExclusive ? value < high : value <= high));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
