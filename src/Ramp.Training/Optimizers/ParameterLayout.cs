// The flat parameter block's map: each named parameter is a range (offset, shape) of one float32 block, and
// the gradient block has the same layout. Names follow PyTorch's state_dict spelling so that weights files
// map onto PyTorch modules; shapes are row-major, outermost first (a linear weight is (out, in)).
namespace Ramp.Training.Optimizers;

/// <summary>A named parameter: a range of the flat parameter block.</summary>
/// <param name="Name">Dot-separated name, e.g. <c>decoder.layers.0.fc1.weight</c>.</param>
/// <param name="Offset">Index of the first element in the flat block.</param>
/// <param name="Shape">Dimensions, outermost first; empty for a scalar.</param>
/// <param name="Kind">Role of the parameter; <see cref="ParameterRole.Unspecified"/> is inferred by <see cref="ParameterLayout"/>.</param>
public sealed record ParameterEntry(string Name, int Offset, IReadOnlyList<int> Shape, ParameterRole Kind = ParameterRole.Unspecified)
{
    /// <summary>Number of elements: the product of the shape.</summary>
    public int Length => Shape.Aggregate(1, (count, dimension) => checked(count * dimension));

    /// <summary>The range of the flat block that holds this parameter.</summary>
    public ParameterRange Range => new(Offset, Length);
}

/// <summary>The named parameters of a flat block, in order of offset, with their kinds resolved.</summary>
public sealed class ParameterLayout
{
    private readonly ParameterEntry[] entries;
    private readonly Dictionary<string, ParameterEntry> byName;

    /// <summary>Builds a layout from entries with explicit offsets (gaps, e.g. alignment padding, are allowed).</summary>
    /// <param name="entries">The parameters; names unique, ranges disjoint and non-negative.</param>
    /// <param name="length">Length of the flat block; defaults to the end of the last parameter.</param>
    public ParameterLayout(IEnumerable<ParameterEntry> entries, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = entries
            .Select(entry => entry.Kind == ParameterRole.Unspecified ? entry with { Kind = ParameterKinds.Infer(entry.Name, entry.Shape) } : entry)
            .OrderBy(entry => entry.Offset)
            .ToArray();
        byName = new Dictionary<string, ParameterEntry>(StringComparer.Ordinal);
        var end = 0;
        foreach (var entry in this.entries)
        {
            if (string.IsNullOrEmpty(entry.Name) || !byName.TryAdd(entry.Name, entry))
            {
                throw new ArgumentException($"Parameter name '{entry.Name}' is empty or repeated; names must be unique.", nameof(entries));
            }
            if (entry.Offset < 0 || entry.Shape.Any(dimension => dimension < 0))
            {
                throw new ArgumentException($"Parameter '{entry.Name}' has offset {entry.Offset} and shape [{string.Join(", ", entry.Shape)}]; both must be non-negative.", nameof(entries));
            }
            if (entry.Offset < end)
            {
                throw new ArgumentException($"Parameter '{entry.Name}' at offset {entry.Offset} overlaps the parameter ending at {end}.", nameof(entries));
            }
            end = entry.Offset + entry.Length;
        }
        if (length is { } total && total < end)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Layout length {total} is too short; it must be at least {end}, the end of the last parameter.");
        }
        Length = length ?? end;
    }

    /// <summary>Lays out parameters one after another from offset 0, in the order given.</summary>
    /// <param name="parameters">Name, shape and kind of each parameter.</param>
    public static ParameterLayout Pack(IEnumerable<(string Name, int[] Shape, ParameterRole Kind)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var offset = 0;
        var entries = new List<ParameterEntry>();
        foreach (var (name, shape, kind) in parameters)
        {
            var entry = new ParameterEntry(name, offset, shape, kind);
            entries.Add(entry);
            offset = checked(offset + entry.Length);
        }
        return new ParameterLayout(entries, offset);
    }

    /// <summary>The parameters, in order of offset.</summary>
    public IReadOnlyList<ParameterEntry> Entries => entries;

    /// <summary>Length of the flat parameter (and gradient) block.</summary>
    public int Length { get; }

    /// <summary>The parameter named <paramref name="name"/>.</summary>
    /// <param name="name">Parameter name.</param>
    public ParameterEntry this[string name] => byName.TryGetValue(name, out var entry)
        ? entry
        : throw new ArgumentException($"No parameter named '{name}' in the layout.", nameof(name));
}
