// The runs' configs side by side: config.json flattened to dotted paths (model.d_model), one row per path
// in config.json order (a path only later runs have goes after its predecessor there), one cell per run. A row differs when the runs' values are not
// all the same text, or a run lacks the field (a group schedule set in one run only).
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ramp.Training.Training;

namespace Ramp.Cli.Reports;

/// <summary>One field of the configs.</summary>
/// <param name="Path">The dotted path, e.g. <c>optimizer.betas</c>.</param>
/// <param name="Values">The value in each run, in run order; null where a run lacks the field.</param>
public sealed record ConfigRow(string Path, IReadOnlyList<string?> Values)
{
    /// <summary>Whether the runs do not all have the same value.</summary>
    public bool Differs => Values.Distinct().Skip(1).Any();
}

/// <summary>Flattens and lines up training configs.</summary>
public static class ConfigTable
{
    /// <summary>The rows of <paramref name="configs"/>, one per dotted path.</summary>
    public static IReadOnlyList<ConfigRow> Build(IReadOnlyList<TrainingConfig> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var flattened = configs.Select(Flatten).ToList();
        var paths = new List<string>();
        foreach (var fields in flattened)
        {
            // A path that earlier runs lack goes right after the path that precedes it in this run.
            var previous = -1;
            foreach (var path in fields.Keys)
            {
                var at = paths.IndexOf(path);
                if (at < 0)
                {
                    at = previous + 1;
                    paths.Insert(at, path);
                }

                previous = at;
            }
        }

        // A section empty in some runs and filled in others shows as its fields alone.
        paths.RemoveAll(path => paths.Exists(other => other.StartsWith(path + ".", StringComparison.Ordinal)));
        return [.. paths.Select(path => new ConfigRow(path, [.. flattened.Select(fields => fields.GetValueOrDefault(path))]))];
    }

    /// <summary>The fields of <paramref name="config"/> as dotted paths and value texts, in config.json order.</summary>
    /// <remarks>Strings are shown without quotes, numbers in their shortest round-trip form (<c>1e-9</c>), lists
    /// in brackets (<c>[0.9, 0.98]</c>), and an empty section as <c>{}</c> so that its row is still there.</remarks>
    public static Dictionary<string, string> Flatten(TrainingConfig config)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(JsonSerializer.SerializeToNode(config, ConfigLoader.JsonOptions), string.Empty);
        return fields;

        void Add(JsonNode? node, string path)
        {
            if (node is JsonObject { Count: > 0 } section)
            {
                foreach (var (name, child) in section)
                {
                    Add(child, path.Length == 0 ? name : $"{path}.{name}");
                }
            }
            else
            {
                fields[path] = Format(node);
            }
        }
    }

    private static string Format(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray items => "[" + string.Join(", ", items.Select(Format)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => FormatNumber(value.GetValue<double>()),
        _ => node.ToJsonString(),
    };

    // 1E-09 becomes 1e-9 and 1E+20 becomes 1e20, as people write them in configs.
    private static string FormatNumber(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return text;
        }

        var power = int.Parse(text.AsSpan(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(text.AsSpan(0, exponent), "e", power.ToString(CultureInfo.InvariantCulture));
    }
}
