// Loads a TrainingConfig from YAML or JSON and `--section.field value` overrides, strictly: an unknown
// field is an error that suggests the nearest known one, and a value of the wrong type names the field,
// the value and the type wanted. Defaults come from the TrainingConfig records themselves.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Ramp.Training.Training;

/// <summary>Reads, merges and validates training configurations.</summary>
public static class ConfigLoader
{
    /// <summary>The JSON settings of config files and of the run directory's config.json (snake_case).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    // Objects whose keys are free (parameter-group names), not fields of a record.
    private static readonly HashSet<string> OpenMaps = ["group_schedules"];

    /// <summary>The defaults, then the file at <paramref name="path"/> (if any), then the overrides, validated.</summary>
    /// <param name="path">A .yaml, .yml or .json file, or null for the defaults alone.</param>
    /// <param name="overrides">Pairs of a dotted field path (<c>model.d_model</c>) and its value as text.</param>
    public static TrainingConfig Load(string? path, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = JsonSerializer.SerializeToNode(new TrainingConfig(), JsonOptions)!.AsObject();
        if (path is not null)
        {
            Merge(merged, ReadFile(path), string.Empty);
        }

        foreach (var (field, value) in overrides)
        {
            Override(merged, field, value);
        }

        return FromNode(merged);
    }

    /// <summary>Reads a config.json written by <see cref="ToJson"/> (as in a run directory), validated.</summary>
    public static TrainingConfig FromJson(string json)
    {
        var merged = JsonSerializer.SerializeToNode(new TrainingConfig(), JsonOptions)!.AsObject();
        Merge(merged, JsonNode.Parse(json) ?? throw new ArgumentException("config: the JSON is empty"), string.Empty);
        return FromNode(merged);
    }

    /// <summary>The config as indented snake_case JSON, every field written.</summary>
    public static string ToJson(TrainingConfig config) => JsonSerializer.Serialize(config, JsonOptions);

    private static TrainingConfig FromNode(JsonObject merged)
    {
        TrainingConfig config;
        try
        {
            config = merged.Deserialize<TrainingConfig>(JsonOptions)!;
        }
        catch (JsonException error)
        {
            var field = (error.Path ?? "$").TrimStart('$', '.');
            throw new ArgumentException($"config: {field}={Find(merged, field)} has the wrong type; expected {ExpectedType(field)}", error);
        }

        ConfigValidator.Validate(config);
        return config;
    }

    private static JsonNode ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"config: file '{path}' does not exist");
        }

        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".json" => JsonNode.Parse(text) ?? new JsonObject(),
                ".yaml" or ".yml" => FromYaml(text),
                _ => throw new ArgumentException($"config: '{path}' must end in .yaml, .yml or .json"),
            };
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"config: '{path}' is not valid JSON: {error.Message.Split('\n')[0]}", error);
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw new ArgumentException($"config: '{path}' is not valid YAML at line {error.Start.Line}: {error.Message.Split('\n')[0]}", error);
        }
    }

    // YAML scalars arrive as text; Merge coerces them to the type of the default they replace.
    private static JsonNode FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? new JsonObject() : Convert(stream.Documents[0].RootNode);

        static JsonNode Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
                new KeyValuePair<string, JsonNode?>(((YamlScalarNode)pair.Key).Value ?? string.Empty, Convert(pair.Value)))),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(child => (JsonNode?)Convert(child))]),
            YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
            _ => throw new ArgumentException($"config: unsupported YAML node at line {node.Start.Line}"),
        };
    }

    private static void Merge(JsonObject target, JsonNode incoming, string path)
    {
        if (incoming is not JsonObject source)
        {
            throw new ArgumentException($"config: '{(path.Length == 0 ? "the file" : path)}' must be a mapping of fields");
        }

        foreach (var (key, value) in source)
        {
            var field = path.Length == 0 ? key : $"{path}.{key}";
            if (OpenMaps.Contains(path))
            {
                target[key] = JsonValue.Create(value?.ToString() ?? string.Empty);
                continue;
            }

            var name = Match(target, key) ?? throw Unknown(target, field, key);
            var current = target[name];
            if (current is JsonObject child && !OpenMaps.Contains(name))
            {
                Merge(child, value ?? new JsonObject(), field);
            }
            else if (current is JsonObject open)
            {
                Merge(open, value ?? new JsonObject(), name);
            }
            else
            {
                target[name] = Coerce(current, value, field);
            }
        }
    }

    private static void Override(JsonObject root, string field, string value)
    {
        var segments = field.Split('.');
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var name = Match(node, segments[i]) ?? throw Unknown(node, field, segments[i]);
            node = node[name] as JsonObject ?? throw new ArgumentException($"config: '{string.Join('.', segments[..(i + 1)])}' is a value, not a section");
        }

        var last = segments[^1];
        if (OpenMaps.Contains(segments.Length > 1 ? segments[^2] : string.Empty))
        {
            node[last] = JsonValue.Create(value);
            return;
        }

        var key = Match(node, last) ?? throw Unknown(node, field, last);
        if (node[key] is JsonObject)
        {
            throw new ArgumentException($"config: '{field}' is a section; give one of its fields, e.g. --{field}.{node[key]!.AsObject().First().Key}");
        }

        node[key] = Coerce(node[key], JsonValue.Create(value), field);
    }

    // Converts text (from YAML or a flag) to the JSON kind of the default it replaces.
    private static JsonNode? Coerce(JsonNode? current, JsonNode? value, string field)
    {
        if (value is JsonArray items && current is JsonArray)
        {
            return new JsonArray([.. items.Select(item => Coerce(JsonValue.Create(0.0), item, field))]);
        }

        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String || current is null)
        {
            return value?.DeepClone();
        }

        var text = scalar.GetValue<string>().Trim();
        switch (current.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : throw new ArgumentException($"config: {field}='{text}' is not a number");
            case JsonValueKind.True or JsonValueKind.False:
                return text.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" or "1" => JsonValue.Create(true),
                    "false" or "no" or "off" or "0" => JsonValue.Create(false),
                    _ => throw new ArgumentException($"config: {field}='{text}' is not allowed; allowed: true or false"),
                };
            case JsonValueKind.Array:
                return new JsonArray([.. text.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(item => (JsonNode?)(double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var element)
                        ? JsonValue.Create(element)
                        : throw new ArgumentException($"config: {field} item '{item}' is not a number")))]);
            default:
                return JsonValue.Create(text);
        }
    }

    private static string? Match(JsonObject node, string key)
    {
        var wanted = Normalize(key);
        return node.Select(pair => pair.Key).FirstOrDefault(name => Normalize(name) == wanted);
    }

    private static string Normalize(string key) => key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static ArgumentException Unknown(JsonObject node, string field, string key)
    {
        var nearest = ScheduleNames.Nearest(key, node.Select(pair => pair.Key), 2);
        var hint = nearest.Count > 0 ? $"did you mean {string.Join(", ", nearest)}?" : "known: " + string.Join(", ", node.Select(pair => pair.Key));
        return new ArgumentException($"config: unknown field '{field}'; {hint}");
    }

    private static string Find(JsonObject root, string field)
    {
        JsonNode? node = root;
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node?.ToJsonString() ?? "?";
    }

    private static string ExpectedType(string field)
    {
        var type = typeof(TrainingConfig);
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var property = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == segment);
            if (property is null)
            {
                return "another type";
            }

            type = property.PropertyType;
        }

        return type == typeof(int) || type == typeof(long) ? "an integer" : type == typeof(double) ? "a number" : type.Name;
    }
}
