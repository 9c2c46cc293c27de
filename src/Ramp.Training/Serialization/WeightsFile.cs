// Model weights as safetensors: one F32 tensor per named parameter of the layout, under its own name and
// shape, so PyTorch code loads them with safetensors.torch.load_file and load_state_dict when the names match
// the module's (or through a name map). Written with __metadata__ {"format": "pt"}, which Hugging Face
// loaders expect. Loading is strict, like load_state_dict(strict=True): every parameter must be present with
// its shape, and no other tensor may be; F16 and BF16 tensors are widened to float32.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Serialization;

/// <summary>Saves and loads a flat parameter block as a safetensors file of named tensors.</summary>
public static class WeightsFile
{
    /// <summary>Writes every parameter of <paramref name="layout"/> from <paramref name="parameters"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="layout">Names, offsets and shapes of the parameters.</param>
    /// <param name="parameters">The flat parameter block (N).</param>
    /// <param name="metadata">Extra <c>__metadata__</c> entries; <c>format</c> defaults to <c>pt</c>.</param>
    public static void Save(string path, ParameterLayout layout, ReadOnlySpan<float> parameters,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        CheckLength(layout, parameters.Length);
        var header = new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = "pt" };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            header[key] = value;
        }
        var entries = layout.Entries.Select(entry => new SafetensorsEntry(entry.Name, [.. entry.Shape.Select(dimension => (long)dimension)])).ToArray();
        using var writer = SafetensorsWriter.Create(path, entries, header);
        foreach (var entry in layout.Entries)
        {
            writer.Write(parameters.Slice(entry.Offset, entry.Length));
        }
        writer.Commit();
    }

    /// <summary>Reads every parameter of <paramref name="layout"/> into <paramref name="parameters"/>.</summary>
    /// <param name="path">A safetensors file.</param>
    /// <param name="layout">Names, offsets and shapes of the parameters.</param>
    /// <param name="parameters">The flat parameter block (N), overwritten only when the whole file matches.</param>
    /// <exception cref="InvalidDataException">A parameter is missing or has another shape, or the file has a tensor the layout does not.</exception>
    public static void Load(string path, ParameterLayout layout, Span<float> parameters)
    {
        ArgumentNullException.ThrowIfNull(layout);
        CheckLength(layout, parameters.Length);
        using var reader = SafetensorsReader.Open(path);
        foreach (var entry in layout.Entries)
        {
            if (!reader.Contains(entry.Name))
            {
                throw new InvalidDataException($"{path}: missing parameter '{entry.Name}' [{string.Join(", ", entry.Shape)}].");
            }
            var info = reader.GetInfo(entry.Name);
            if (!info.Shape.SequenceEqual(entry.Shape.Select(dimension => (long)dimension)))
            {
                throw new InvalidDataException($"{path}: parameter '{entry.Name}' has shape [{string.Join(", ", info.Shape)}]; the layout expects [{string.Join(", ", entry.Shape)}].");
            }
            if (info.DataType is not (SafetensorsDataType.F32 or SafetensorsDataType.F16 or SafetensorsDataType.BF16))
            {
                throw new InvalidDataException($"{path}: parameter '{entry.Name}' is {info.DataType.HeaderName()}; weights must be F32, F16 or BF16.");
            }
        }
        var names = layout.Entries.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = reader.Tensors.FirstOrDefault(tensor => !names.Contains(tensor.Name));
        if (unexpected is not null)
        {
            throw new InvalidDataException($"{path}: tensor '{unexpected.Name}' is not a parameter of the layout.");
        }
        foreach (var entry in layout.Entries)
        {
            reader.ReadSingle(entry.Name, parameters.Slice(entry.Offset, entry.Length));
        }
    }

    private static void CheckLength(ParameterLayout layout, int length)
    {
        if (length != layout.Length)
        {
            throw new ArgumentException($"The parameter block holds {length} floats; the layout needs {layout.Length}.", nameof(length));
        }
    }
}
