// One `--section.field VALUE` option per field of TrainingConfig, generated from the defaults, so that the command
// line can override any field the way a config file sets it (ConfigLoader reads the pairs) and --help lists them.
using System.Text.Json;
using System.Text.Json.Nodes;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>The dotted config options of <c>ramp train</c> and <c>ramp demo</c>.</summary>
public static class ConfigOptions
{
    /// <summary>Every field, e.g. <c>--model.d_model N</c>, with the config's default in the summary.</summary>
    public static IReadOnlyList<OptionSpec> All { get; } = Describe(new TrainingConfig());

    /// <summary>The overrides given among <paramref name="arguments"/>, as (dotted field, text) pairs.</summary>
    public static List<KeyValuePair<string, string>> Overrides(ParsedArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return [.. All.Where(option => arguments.Has(option.Name))
            .Select(option => new KeyValuePair<string, string>(option.Name[2..], arguments.Text(option.Name)!))];
    }

    /// <summary>The same options as <see cref="All"/>, with the values of <paramref name="defaults"/> as their defaults.</summary>
    public static IReadOnlyList<OptionSpec> Describe(TrainingConfig defaults)
    {
        var options = new List<OptionSpec>();
        Add(JsonSerializer.SerializeToNode(defaults, ConfigLoader.JsonOptions)!.AsObject(), string.Empty);
        return options;

        void Add(JsonObject node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                var field = prefix + key;
                if (key == "group_schedules")
                {
                    options.Add(new OptionSpec("--group_schedules.decay", "SPEC", "schedule of the decaying group (matrices, embeddings) only"));
                    options.Add(new OptionSpec("--group_schedules.no_decay", "SPEC", "schedule of the non-decaying group (biases, norms) only"));
                }
                else if (value is JsonObject section)
                {
                    Add(section, field + ".");
                }
                else
                {
                    var text = value?.ToJsonString() ?? "null";
                    var kind = value?.GetValueKind() switch
                    {
                        JsonValueKind.Number => "N",
                        JsonValueKind.True or JsonValueKind.False => "BOOL",
                        JsonValueKind.Array => "A,B",
                        _ => "TEXT",
                    };
                    options.Add(new OptionSpec("--" + field, kind, $"config field (default {text})"));
                }
            }
        }
    }
}
