// The JSON form of a definition, for config files and run directories:
//   {"schedule": "StepLR", "arguments": {"step_size": 30, "gamma": 0.1}}
// Nested schedules are nested objects, lists are arrays, maps are objects keyed by the key's spec text
// ("5", "1E-05"), None is null, booleans and strings are JSON's own. JSON has no infinity or NaN, so those
// numbers are {"number": "inf"}, {"number": "-inf"}, {"number": "nan"}. Positional arguments, which only
// hand-written specs have, go in "positional": [...]. Numbers are written in shortest round-trip form, so
// spec -> JSON -> spec gives the same text, and JSON -> spec -> JSON the same JSON.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>Converts definitions between the spec syntax tree and JSON.</summary>
public static class SpecJson
{
    private const string ScheduleKey = "schedule";
    private const string ArgumentsKey = "arguments";
    private const string PositionalKey = "positional";
    private const string NumberKey = "number";

    /// <summary>The JSON text of <paramref name="call"/>.</summary>
    /// <param name="call">The definition.</param>
    /// <param name="indented">Whether to write one member per line.</param>
    public static string ToJson(SpecCall call, bool indented = false)
        => ToJsonNode(call).ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    /// <summary>The JSON object of <paramref name="call"/>.</summary>
    public static JsonObject ToJsonNode(SpecCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = new JsonObject { [ScheduleKey] = call.Name };
        if (call.Positional.Count > 0)
        {
            result[PositionalKey] = new JsonArray([.. call.Positional.Select(ToNode)]);
        }

        var arguments = new JsonObject();
        foreach (var argument in call.Named)
        {
            arguments[argument.Name] = ToNode(argument.Value);
        }

        result[ArgumentsKey] = arguments;
        return result;
    }

    /// <summary>The definition written as JSON text; errors name the JSON path.</summary>
    public static SpecCall FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new SpecException($"invalid JSON: {error.Message}");
        }

        return FromJson(node);
    }

    /// <summary>The definition held by a parsed JSON object; errors name the JSON path.</summary>
    public static SpecCall FromJson(JsonNode? node)
    {
        try
        {
            return node is JsonObject definition && definition.ContainsKey(ScheduleKey)
                ? ReadCall(definition, "$")
                : throw Error("$", $"expected an object with a \"{ScheduleKey}\" member, found {Describe(node)}");
        }
        catch (ArgumentException error) when (error is not SpecException)
        {
            // JsonObject reports a duplicate member only when it is first enumerated.
            throw new SpecException($"invalid JSON: {error.Message.Split('(')[0].TrimEnd()}");
        }
    }

    private static JsonNode? ToNode(SpecValue value) => value switch
    {
        SpecNumber { Value: var number } when double.IsFinite(number) => JsonValue.Create(number),
        SpecNumber number => new JsonObject { [NumberKey] = number.ToString() },
        SpecBoolean boolean => JsonValue.Create(boolean.Value),
        SpecText text => JsonValue.Create(text.Value),
        SpecNone => null,
        SpecList list => new JsonArray([.. list.Items.Select(ToNode)]),
        SpecMap map => ToNode(map),
        SpecCall call => ToJsonNode(call),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.KindName, "unknown kind of spec value"),
    };

    private static JsonObject ToNode(SpecMap map)
    {
        var result = new JsonObject();
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.ToString();
            if (result.ContainsKey(key))
            {
                throw new SpecException($"map key {key} is given twice; a JSON object needs distinct keys", entry.Key.Position);
            }

            result[key] = ToNode(entry.Value);
        }

        return result;
    }

    private static SpecCall ReadCall(JsonObject definition, string path)
    {
        foreach (var member in definition)
        {
            if (member.Key is not (ScheduleKey or ArgumentsKey or PositionalKey))
            {
                throw Error($"{path}.{member.Key}", $"unexpected member in a schedule object; allowed: \"{ScheduleKey}\", \"{ArgumentsKey}\", \"{PositionalKey}\"");
            }
        }

        var name = definition[ScheduleKey] is JsonValue nameValue && nameValue.GetValueKind() == JsonValueKind.String
            ? nameValue.GetValue<string>()
            : throw Error($"{path}.{ScheduleKey}", $"expected the schedule's name as a string, found {Describe(definition[ScheduleKey])}");
        if (!IsName(name))
        {
            throw Error($"{path}.{ScheduleKey}", $"'{name}' is not a schedule name; allowed: letters, digits and underscores, with dotted qualifiers such as torch.StepLR");
        }

        var positional = new List<SpecValue>();
        if (definition.TryGetPropertyValue(PositionalKey, out var positionalNode))
        {
            if (positionalNode is not JsonArray items)
            {
                throw Error($"{path}.{PositionalKey}", $"expected an array, found {Describe(positionalNode)}");
            }

            for (var i = 0; i < items.Count; i++)
            {
                positional.Add(ReadValue(items[i], $"{path}.{PositionalKey}[{i}]"));
            }
        }

        var named = new List<SpecArgument>();
        if (definition.TryGetPropertyValue(ArgumentsKey, out var argumentsNode))
        {
            if (argumentsNode is not JsonObject arguments)
            {
                throw Error($"{path}.{ArgumentsKey}", $"expected an object of named arguments, found {Describe(argumentsNode)}");
            }

            foreach (var argument in arguments)
            {
                var argumentPath = $"{path}.{ArgumentsKey}.{argument.Key}";
                if (!IsName(argument.Key) || argument.Key.Contains('.', StringComparison.Ordinal))
                {
                    throw Error(argumentPath, $"'{argument.Key}' is not a parameter name; allowed: letters, digits and underscores");
                }

                named.Add(new SpecArgument(argument.Key, ReadValue(argument.Value, argumentPath)));
            }
        }

        return new SpecCall(name, positional, named);
    }

    private static SpecValue ReadValue(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return new SpecNone();
            case JsonArray array:
                return new SpecList([.. array.Select((item, i) => ReadValue(item, $"{path}[{i}]"))]);
            case JsonObject definition when definition.ContainsKey(ScheduleKey):
                return ReadCall(definition, path);
            case JsonObject { Count: 1 } number when number.ContainsKey(NumberKey):
                return ReadNonFinite(number[NumberKey], $"{path}.{NumberKey}");
            case JsonObject map:
                return ReadMap(map, path);
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True:
                        return new SpecBoolean(true);
                    case JsonValueKind.False:
                        return new SpecBoolean(false);
                    case JsonValueKind.String:
                        return new SpecText(value.GetValue<string>());
                    case JsonValueKind.Number:
                        var number = value.GetValue<double>();
                        return double.IsFinite(number)
                            ? new SpecNumber(number)
                            : throw Error(path, $"{value.ToJsonString()} is beyond the range of a double (about 1.8e308); write {{\"{NumberKey}\": \"inf\"}} for infinity");
                    default:
                        break;
                }

                break;
            default:
                break;
        }

        throw Error(path, $"unexpected {Describe(node)}");
    }

    private static SpecNumber ReadNonFinite(JsonNode? node, string path)
    {
        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return text switch
        {
            "inf" => new SpecNumber(double.PositiveInfinity),
            "-inf" => new SpecNumber(double.NegativeInfinity),
            "nan" => new SpecNumber(double.NaN),
            _ => throw Error(path, $"{node?.ToJsonString() ?? "null"} is not allowed; allowed: \"inf\", \"-inf\", \"nan\" (finite numbers are plain JSON numbers)"),
        };
    }

    private static SpecMap ReadMap(JsonObject map, string path)
    {
        var entries = new List<KeyValuePair<SpecValue, SpecValue>>();
        foreach (var member in map)
        {
            SpecValue key;
            try
            {
                key = SpecParser.ParseValue(member.Key);
            }
            catch (SpecException error)
            {
                throw Error($"{path}[\"{member.Key}\"]", $"a map key must be the spec text of a value, such as \"5\" or \"1E-05\" ({error.Message})");
            }

            entries.Add(new(key, ReadValue(member.Value, $"{path}[\"{member.Key}\"]")));
        }

        return new SpecMap(entries);
    }

    private static bool IsName(string name)
        => name.Length > 0
        && name.Split('.').All(segment => segment.Length > 0
            && (char.IsLetter(segment[0]) || segment[0] == '_')
            && segment.All(character => char.IsLetterOrDigit(character) || character == '_'));

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"the string {value.ToJsonString()}",
            JsonValueKind.Number => $"the number {value.ToJsonString()}",
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static SpecException Error(string path, string message) => new($"at {path}: {message}");
}
