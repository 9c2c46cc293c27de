// The optimizer contract: parameters live in one flat float32 block and gradients in another with the same
// layout; groups own disjoint ranges of it; state buffers (moments) are flat arrays of the same length, so a
// step is one vectorized pass per group range with no allocation. Step origin: StepCount is incremented
// before a group's update, so the first update sees step 1, as PyTorch's state['step'] does.
namespace Ramp.Training.Optimizers;

/// <summary>Updates a flat parameter block from a flat gradient block, group by group.</summary>
public abstract partial class Optimizer
{
    private readonly ParameterGroup[] groups;
    private string[] bufferNames = [];
    private float[] buffers = [];

    private protected Optimizer(int parameterCount, IEnumerable<ParameterGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (parameterCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameterCount), $"Parameter count {parameterCount} is not allowed; it must be >= 0.");
        }
        ParameterCount = parameterCount;
        this.groups = [.. groups];
        if (this.groups.Length == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter group.", nameof(groups));
        }
        CheckGroups(parameterCount, this.groups);
        foreach (var group in this.groups)
        {
            group.IsOwned = true;
        }
    }

    /// <summary>The optimizer's name as written in state files, e.g. <c>AdamW</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Length of the flat parameter and gradient blocks.</summary>
    public int ParameterCount { get; }

    /// <summary>The parameter groups, in order.</summary>
    public IReadOnlyList<ParameterGroup> Groups => groups;

    /// <summary>Names of the state buffers, e.g. <c>exp_avg</c>, <c>exp_avg_sq</c> (PyTorch's state keys).</summary>
    public IReadOnlyList<string> BufferNames => bufferNames;

    /// <summary>A state buffer, laid out like the parameter block (N).</summary>
    /// <param name="name">One of <see cref="BufferNames"/>.</param>
    public ReadOnlySpan<float> GetBuffer(string name)
    {
        var index = Array.IndexOf(bufferNames, name);
        return index >= 0
            ? Buffer(index)
            : throw new ArgumentException($"{Name} has no buffer '{name}'; it has [{string.Join(", ", bufferNames)}].", nameof(name));
    }

    /// <summary>Applies one update to every group, each with its current <see cref="ParameterGroup.LearningRate"/>.</summary>
    /// <param name="parameters">The flat parameter block (N), updated in place.</param>
    /// <param name="gradients">The flat gradient block (N), already clipped if clipping is wanted.</param>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            throw new ArgumentException($"{Name} was built for {ParameterCount} parameters; got {parameters.Length} parameters and {gradients.Length} gradients.", nameof(parameters));
        }
        foreach (var group in groups)
        {
            group.StepCount++;
            Update(group, parameters, gradients);
        }
    }

    /// <summary>Updates the ranges of one group; its <see cref="ParameterGroup.StepCount"/> already counts this step.</summary>
    private protected abstract void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>Allocates the state buffers, zero-filled, once, from the derived constructor.</summary>
    private protected void DeclareBuffers(params string[] names)
    {
        bufferNames = names;
        buffers = new float[checked(names.Length * ParameterCount)];
    }

    /// <summary>Buffer <paramref name="index"/> of <see cref="BufferNames"/>, or an empty span for -1 (not allocated).</summary>
    private protected Span<float> Buffer(int index) =>
        index < 0 ? default : buffers.AsSpan(index * ParameterCount, ParameterCount);

    private static void CheckGroups(int parameterCount, ParameterGroup[] groups)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var owned = new List<(ParameterRange Range, string Group)>();
        foreach (var group in groups)
        {
            ArgumentNullException.ThrowIfNull(group);
            if (!names.Add(group.Name))
            {
                throw new ArgumentException($"Two parameter groups are named '{group.Name}'; group names must be unique.", nameof(groups));
            }
            if (group.IsOwned)
            {
                throw new ArgumentException($"Group '{group.Name}' already belongs to an optimizer; create a new group.", nameof(groups));
            }
            foreach (var range in group.Ranges)
            {
                if (range.End > parameterCount)
                {
                    throw new ArgumentException($"Group '{group.Name}' has range ({range.Offset}, {range.Length}), past the {parameterCount} parameters.", nameof(groups));
                }
                owned.Add((range, group.Name));
            }
        }
        owned.Sort((x, y) => x.Range.Offset.CompareTo(y.Range.Offset));
        for (var i = 1; i < owned.Count; i++)
        {
            if (owned[i].Range.Offset < owned[i - 1].Range.End)
            {
                throw new ArgumentException($"Group '{owned[i].Group}' range ({owned[i].Range.Offset}, {owned[i].Range.Length}) overlaps group '{owned[i - 1].Group}' range ({owned[i - 1].Range.Offset}, {owned[i - 1].Range.Length}); a parameter belongs to one group.", nameof(groups));
            }
        }
    }
}
