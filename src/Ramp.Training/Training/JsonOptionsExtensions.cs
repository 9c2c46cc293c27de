// A compact (one-line) copy of a JsonSerializerOptions, cached, for JSON Lines output.
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Ramp.Training.Training;

internal static class JsonOptionsExtensions
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> CompactCopies = [];

    public static JsonSerializerOptions Compact(this JsonSerializerOptions options)
        => CompactCopies.GetValue(options, original => new JsonSerializerOptions(original)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });
}
