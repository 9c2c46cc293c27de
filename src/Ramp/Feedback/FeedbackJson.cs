// Reading and writing the JSON state of feedback schedules. Numbers are written in shortest round-trip
// form so a state reloads to the same doubles; JSON has no infinities or NaN, so those are written as the
// strings "inf", "-inf" and "nan" (the spec language's spelling).
using System.Globalization;
using System.Text.Json.Nodes;

namespace Ramp;

internal static class FeedbackJson
{
    public static JsonNode Number(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : JsonValue.Create(SpecNumber.Format(value));

    public static JsonObject Object(JsonNode? node, string owner)
        => node as JsonObject ?? throw new ArgumentException($"the state of {owner} must be a JSON object", nameof(node));

    public static double Number(JsonObject state, string name, string owner)
        => Number(state[name]) ?? throw new ArgumentException($"the state of {owner} needs a number '{name}'", nameof(state));

    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        // Parsed JSON holds numbers as JSON numbers; a state still in memory holds the .NET values written.
        if (value.TryGetValue<double>(out var real))
        {
            return real;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        return value.TryGetValue<string>(out var text)
            ? text switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                "nan" => double.NaN,
                _ => null,
            }
            : null;
    }

    public static long Integer(JsonObject state, string name, string owner)
    {
        var number = Number(state, name, owner);
        return number == Math.Floor(number) && Math.Abs(number) <= 9e15
            ? (long)number
            : throw new ArgumentException($"the state of {owner} needs an integer '{name}', got {number.ToString(CultureInfo.InvariantCulture)}", nameof(state));
    }

    public static JsonArray Array(JsonObject state, string name, string owner)
        => state[name] as JsonArray ?? throw new ArgumentException($"the state of {owner} needs an array '{name}'", nameof(state));
}
