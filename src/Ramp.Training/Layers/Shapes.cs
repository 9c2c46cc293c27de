// Argument checks shared by the layer operations: every tensor span must have exactly the length its shape
// names, so that a wrong shape fails at the call instead of reading a neighbour's memory.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Layers;

internal static class Shapes
{
    public static void Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; expected at least 1.");
        }
    }

    public static void Length<T>(ReadOnlySpan<T> span, long expected, [CallerArgumentExpression(nameof(span))] string? name = null)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"{name} has {span.Length} elements; its shape needs {expected}.", name);
        }
    }

    // For a gradient the caller may not want, or an optional input: empty, or exactly the shape's length.
    public static void LengthOrEmpty<T>(ReadOnlySpan<T> span, long expected, [CallerArgumentExpression(nameof(span))] string? name = null)
    {
        if (span.Length != 0 && span.Length != expected)
        {
            throw new ArgumentException($"{name} has {span.Length} elements; expected 0 (not used) or {expected}.", name);
        }
    }

    public static void AtLeast<T>(ReadOnlySpan<T> span, long expected, [CallerArgumentExpression(nameof(span))] string? name = null)
    {
        if (span.Length < expected)
        {
            throw new ArgumentException($"{name} has {span.Length} elements; expected at least {expected}.", name);
        }
    }
}
