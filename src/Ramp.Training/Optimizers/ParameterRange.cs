// A contiguous run of the flat parameter block: the unit the optimizers' vectorized loops work on.
namespace Ramp.Training.Optimizers;

/// <summary>Elements [Offset, Offset + Length) of the flat parameter block.</summary>
/// <param name="Offset">Index of the first element.</param>
/// <param name="Length">Number of elements.</param>
public readonly record struct ParameterRange(int Offset, int Length)
{
    /// <summary>One past the last element.</summary>
    public int End => Offset + Length;

    /// <summary>The ranges of <paramref name="entries"/>, sorted, with adjacent ones merged into one.</summary>
    /// <param name="entries">Parameters of one layout.</param>
    public static ParameterRange[] Cover(IEnumerable<ParameterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = new List<ParameterRange>();
        foreach (var range in entries.Select(entry => entry.Range).Where(range => range.Length > 0).OrderBy(range => range.Offset))
        {
            if (merged.Count > 0 && merged[^1].End == range.Offset)
            {
                merged[^1] = merged[^1] with { Length = merged[^1].Length + range.Length };
            }
            else
            {
                merged.Add(range);
            }
        }
        return [.. merged];
    }
}
