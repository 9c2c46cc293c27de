// One 64-byte aligned block of float32 in native memory, zeroed on allocation: parameters, gradients,
// packing buffers. The owner frees it with Dispose (or, as a last resort, the finalizer).
using System.Runtime.InteropServices;

namespace Ramp.Training.Memory;

/// <summary>A 64-byte aligned, zero-initialized block of native float memory with span and slice views.</summary>
public sealed unsafe class NativeFloatBlock : IDisposable
{
    /// <summary>Alignment of the block's first element in bytes: one cache line, one AVX-512 vector.</summary>
    public const int Alignment = 64;

    private float* _pointer;

    /// <summary>Allocates <paramref name="length"/> floats, all zero.</summary>
    /// <param name="length">Number of floats; zero is allowed and allocates nothing.</param>
    public NativeFloatBlock(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        if (length > 0)
        {
            var bytes = (nuint)length * sizeof(float);
            _pointer = (float*)NativeMemory.AlignedAlloc(bytes, Alignment);
            NativeMemory.Clear(_pointer, bytes);
            GC.AddMemoryPressure((long)bytes);
        }
    }

    /// <summary>Releases the memory if <see cref="Dispose"/> was not called.</summary>
    ~NativeFloatBlock() => Free();

    /// <summary>Number of floats in the block.</summary>
    public int Length { get; }

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Address of the first float (64-byte aligned); valid until the block is disposed.</summary>
    public float* Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _pointer;
        }
    }

    /// <summary>The whole block as a span.</summary>
    public Span<float> Span => new(Address, Length);

    /// <summary>The whole block as a slice view.</summary>
    public FloatSlice AsSlice() => new(Address, Length);

    /// <summary>A view of <paramref name="length"/> floats starting at <paramref name="start"/>.</summary>
    public FloatSlice Slice(int start, int length) => AsSlice().Slice(start, length);

    /// <summary>Sets every float to zero.</summary>
    public void Clear() => Span.Clear();

    /// <summary>Frees the native memory; views taken earlier must not be used afterwards.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
            GC.RemoveMemoryPressure((long)Length * sizeof(float));
        }
    }
}
