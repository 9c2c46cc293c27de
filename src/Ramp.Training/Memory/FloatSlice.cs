// A non-owning view of floats in native memory (a piece of a NativeFloatBlock or an ActivationArena).
// Unlike Span it can be stored in fields, e.g. to keep an activation from forward until backward; it is
// valid only as long as the memory it points into (until the block is disposed or the arena reset).
namespace Ramp.Training.Memory;

/// <summary>A storable view of <see cref="Length"/> floats in native memory.</summary>
public readonly unsafe struct FloatSlice : IEquatable<FloatSlice>
{
    /// <summary>Creates a view of <paramref name="length"/> floats at <paramref name="address"/>.</summary>
    /// <param name="address">Address of the first float; may be null only when the length is zero.</param>
    /// <param name="length">Number of floats.</param>
    public FloatSlice(float* address, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (address == null && length > 0)
        {
            throw new ArgumentNullException(nameof(address), "A slice of non-zero length needs an address.");
        }

        Address = address;
        Length = length;
    }

    /// <summary>Address of the first float.</summary>
    public float* Address { get; }

    /// <summary>Number of floats.</summary>
    public int Length { get; }

    /// <summary>The view as a span.</summary>
    public Span<float> Span => new(Address, Length);

    /// <summary>A view of <paramref name="length"/> floats starting <paramref name="start"/> floats in.</summary>
    public FloatSlice Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
        {
            throw new ArgumentOutOfRangeException(
                nameof(length), $"Slice [{start}, {start}+{length}) lies outside a view of length {Length}.");
        }

        return new FloatSlice(Address + start, length);
    }

    /// <inheritdoc/>
    public bool Equals(FloatSlice other) => Address == other.Address && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FloatSlice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine((nint)Address, Length);

    /// <summary>Whether two views cover the same floats.</summary>
    public static bool operator ==(FloatSlice left, FloatSlice right) => left.Equals(right);

    /// <summary>Whether two views differ in address or length.</summary>
    public static bool operator !=(FloatSlice left, FloatSlice right) => !left.Equals(right);
}
