// Saving and loading an optimizer's state: scalars (optimizer name, layout, per-group step counts, learning
// rates, weight decay, settings) as JSON; the state buffers as one F32 safetensors tensor each, shaped (N),
// named as in PyTorch's optimizer state (exp_avg, exp_avg_sq, momentum_buffer...). Both files are written
// atomically. Loading validates everything before changing anything, so a failed load leaves the optimizer
// as it was, and a successful one continues bit-for-bit as if the run had never stopped.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ramp.Training.Serialization;

namespace Ramp.Training.Optimizers;

public abstract partial class Optimizer
{
    private const string StateFormat = "ramp.optimizer-state";
    private const int StateVersion = 1;

    /// <summary>Writes the optimizer's state: scalars to <paramref name="statePath"/> (JSON), buffers to <paramref name="buffersPath"/> (safetensors).</summary>
    /// <param name="statePath">JSON file to create or replace.</param>
    /// <param name="buffersPath">Safetensors file to create or replace.</param>
    public void SaveState(string statePath, string buffersPath)
    {
        var root = new JsonObject
        {
            ["format"] = StateFormat,
            ["version"] = StateVersion,
            ["optimizer"] = Name,
            ["parameterCount"] = ParameterCount,
            ["buffers"] = new JsonArray([.. bufferNames.Select(name => (JsonNode)name)]),
            ["groups"] = new JsonArray([.. groups.Select(group => (JsonNode)new JsonObject
            {
                ["name"] = group.Name,
                ["ranges"] = new JsonArray([.. group.Ranges.Select(range => (JsonNode)new JsonArray(range.Offset, range.Length))]),
                ["stepCount"] = group.StepCount,
                ["baseLearningRate"] = group.BaseLearningRate,
                ["learningRate"] = group.LearningRate,
                ["weightDecay"] = group.WeightDecay,
                ["settings"] = WriteSettings(group.Settings!),
            })]),
        };
        AtomicFile.Write(statePath, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            root.WriteTo(writer);
        });
        var entries = bufferNames.Select(name => new SafetensorsEntry(name, [ParameterCount])).ToArray();
        using var tensors = SafetensorsWriter.Create(buffersPath, entries, BuffersMetadata());
        tensors.Write(buffers);
        tensors.Commit();
    }

    /// <summary>Restores state written by <see cref="SaveState"/> for an optimizer of the same kind and layout.</summary>
    /// <param name="statePath">JSON file written by <see cref="SaveState"/>.</param>
    /// <param name="buffersPath">Safetensors file written with it.</param>
    /// <exception cref="InvalidDataException">The files do not match this optimizer (kind, layout, groups, buffers) or each other; nothing was changed.</exception>
    public void LoadState(string statePath, string buffersPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(statePath);
        ArgumentException.ThrowIfNullOrEmpty(buffersPath);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(statePath)) as JsonObject
                ?? throw Invalid(statePath, "the root is not a JSON object");
        }
        catch (JsonException exception)
        {
            throw Invalid(statePath, $"not valid JSON ({exception.Message.Split('\n')[0]})");
        }
        SavedGroup[] restored;
        try
        {
            restored = ReadScalars(statePath, root);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            throw Invalid(statePath, $"malformed optimizer state ({exception.Message.Split('\n')[0]})");
        }
        var loaded = ReadBuffers(buffersPath, statePath, restored.Select(group => group.StepCount));
        loaded.CopyTo(buffers.AsSpan());
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i].StepCount = restored[i].StepCount;
            groups[i].BaseLearningRate = restored[i].BaseRate;
            groups[i].LearningRate = restored[i].Rate;
            groups[i].WeightDecay = restored[i].WeightDecay;
            groups[i].Settings = restored[i].Settings;
        }
    }

    private SavedGroup[] ReadScalars(string path, JsonObject root)
    {
        Check(path, Get<string>(path, root, "format") == StateFormat && Get<int>(path, root, "version") == StateVersion,
            $"not a version-{StateVersion} {StateFormat} file");
        var saved = Get<string>(path, root, "optimizer");
        Check(path, saved == Name, $"holds {saved} state; this optimizer is {Name}");
        var count = Get<int>(path, root, "parameterCount");
        Check(path, count == ParameterCount, $"was saved for {count} parameters; this optimizer has {ParameterCount}");
        var savedBuffers = GetArray(path, root, "buffers").Select(node => node?.GetValue<string>()).ToArray();
        Check(path, savedBuffers.SequenceEqual(bufferNames),
            $"holds buffers [{string.Join(", ", savedBuffers)}]; this optimizer has [{string.Join(", ", bufferNames)}]");
        var savedGroups = GetArray(path, root, "groups");
        Check(path, savedGroups.Count == groups.Length, $"has {savedGroups.Count} parameter groups; this optimizer has {groups.Length}");
        var restored = new SavedGroup[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var node = savedGroups[i] as JsonObject ?? throw Invalid(path, $"group {i} is not an object");
            restored[i] = ReadGroup(path, node, groups[i]);
        }
        return restored;
    }

    /// <summary>The group's settings as JSON.</summary>
    private protected abstract JsonNode WriteSettings(OptimizerSettings settings);

    /// <summary>Settings read back from JSON, validated.</summary>
    private protected abstract OptimizerSettings ReadSettings(JsonNode node, string groupName);

    private SavedGroup ReadGroup(string path, JsonObject node, ParameterGroup group)
    {
        var name = Get<string>(path, node, "name");
        Check(path, name == group.Name, $"has group '{name}' where this optimizer has '{group.Name}'");
        var ranges = GetArray(path, node, "ranges")
            .Select(range => range is JsonArray pair && pair.Count == 2
                ? new ParameterRange(pair[0]!.GetValue<int>(), pair[1]!.GetValue<int>())
                : throw Invalid(path, $"group '{name}' has a malformed range"))
            .ToArray();
        Check(path, ranges.SequenceEqual(group.Ranges),
            $"group '{name}' covers {Describe(ranges)}; this optimizer's covers {Describe(group.Ranges)}");
        OptimizerSettings settings;
        try
        {
            settings = ReadSettings(node["settings"] ?? throw Invalid(path, $"group '{name}' has no settings"), name);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw Invalid(path, $"group '{name}' has unusable settings ({exception.Message.Split('\n')[0]})");
        }
        var rate = Get<double>(path, node, "learningRate");
        var weightDecay = Get<double>(path, node, "weightDecay");
        Check(path, double.IsFinite(rate) && rate >= 0 && double.IsFinite(weightDecay) && weightDecay >= 0,
            $"group '{name}' has learning rate {rate} and weight decay {weightDecay}; both must be finite and >= 0");
        return new SavedGroup(Get<long>(path, node, "stepCount"), Get<double>(path, node, "baseLearningRate"), rate, weightDecay, settings);
    }

    private float[] ReadBuffers(string path, string statePath, IEnumerable<long> stepCounts)
    {
        var loaded = new float[buffers.Length];
        using var reader = SafetensorsReader.Open(path);
        var expected = BuffersMetadata(stepCounts);
        foreach (var (key, value) in expected)
        {
            var found = reader.Metadata.GetValueOrDefault(key);
            Check(path, found == value, $"records {key} '{found}' but {statePath} needs '{value}'; the two files do not belong together");
        }
        for (var i = 0; i < bufferNames.Length; i++)
        {
            Check(path, reader.Contains(bufferNames[i]), $"has no buffer '{bufferNames[i]}'");
            var info = reader.GetInfo(bufferNames[i]);
            Check(path, info.DataType == SafetensorsDataType.F32 && info.Shape.Count == 1 && info.Shape[0] == ParameterCount,
                $"buffer '{info.Name}' is {info.DataType.HeaderName()} [{string.Join(", ", info.Shape)}]; expected F32 [{ParameterCount}]");
            reader.ReadSingle(bufferNames[i], loaded.AsSpan(i * ParameterCount, ParameterCount));
        }
        return loaded;
    }

    private Dictionary<string, string> BuffersMetadata(IEnumerable<long>? stepCounts = null) => new(StringComparer.Ordinal)
    {
        ["format"] = StateFormat,
        ["optimizer"] = Name,
        ["stepCounts"] = string.Join(",", (stepCounts ?? groups.Select(group => group.StepCount)).Select(step => step.ToString(CultureInfo.InvariantCulture))),
    };

    private readonly record struct SavedGroup(long StepCount, double BaseRate, double Rate, double WeightDecay, OptimizerSettings Settings);

    private static string Describe(IEnumerable<ParameterRange> ranges) =>
        "[" + string.Join(", ", ranges.Select(range => $"({range.Offset}, {range.Length})")) + "]";

    private static T Get<T>(string path, JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue(out T? result) && result is not null
            ? result
            : throw Invalid(path, $"'{key}' is missing or not a {typeof(T).Name}");

    private static JsonArray GetArray(string path, JsonObject node, string key) =>
        node[key] as JsonArray ?? throw Invalid(path, $"'{key}' is missing or not an array");

    private static void Check(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw Invalid(path, problem);
        }
    }

    private static InvalidDataException Invalid(string path, string problem) => new($"{path}: {problem}.");
}
