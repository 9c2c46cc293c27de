// Bump allocator for the activations of one training step: Allocate hands out 64-byte aligned slices,
// Reset takes them all back at once without freeing. The first steps find out how much a step needs
// (extra chunks are added when the current one is full, so earlier slices never move); the Reset after
// such a step folds the chunks into one block of the peak size, so that steady-state steps allocate nothing.
namespace Ramp.Training.Memory;

/// <summary>Per-step arena of aligned float slices, reset each step without freeing.</summary>
public sealed class ActivationArena : IDisposable
{
    private const int AlignmentFloats = NativeFloatBlock.Alignment / sizeof(float);

    private readonly List<NativeFloatBlock> _chunks = [];
    private NativeFloatBlock _current;
    private int _offset;
    private long _usedInEarlierChunks;
    private bool _disposed;

    /// <summary>Creates an arena with room for <paramref name="initialCapacity"/> floats.</summary>
    /// <param name="initialCapacity">Floats to reserve up front; 0 lets the first step find the size.</param>
    public ActivationArena(int initialCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _current = new NativeFloatBlock(RoundUp(initialCapacity));
        _chunks.Add(_current);
    }

    /// <summary>Floats handed out since the last reset, counting alignment padding.</summary>
    public long Used => _usedInEarlierChunks + _offset;

    /// <summary>Largest <see cref="Used"/> seen so far.</summary>
    public long Peak { get; private set; }

    /// <summary>Floats reserved in all chunks.</summary>
    public long Capacity
    {
        get
        {
            long total = 0;
            foreach (var chunk in _chunks)
            {
                total += chunk.Length;
            }

            return total;
        }
    }

    /// <summary>Number of native blocks currently held; 1 in steady state.</summary>
    public int ChunkCount => _chunks.Count;

    /// <summary>Hands out <paramref name="length"/> floats, 64-byte aligned, contents unspecified.</summary>
    /// <param name="length">Number of floats; valid until the next <see cref="Reset"/>.</param>
    public FloatSlice Allocate(int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var rounded = RoundUp(length);
        if (rounded > _current.Length - _offset)
        {
            AddChunk(rounded);
        }

        var slice = _current.Slice(_offset, length);
        _offset += rounded;
        Peak = Math.Max(Peak, Used);
        return slice;
    }

    /// <summary>Hands out <paramref name="length"/> floats, 64-byte aligned, set to zero.</summary>
    /// <param name="length">Number of floats; valid until the next <see cref="Reset"/>.</param>
    public FloatSlice AllocateZeroed(int length)
    {
        var slice = Allocate(length);
        slice.Span.Clear();
        return slice;
    }

    /// <summary>Takes back every slice handed out; they must not be used afterwards.</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_chunks.Count > 1)
        {
            foreach (var chunk in _chunks)
            {
                chunk.Dispose();
            }

            _chunks.Clear();
            _current = new NativeFloatBlock(checked((int)Peak));
            _chunks.Add(_current);
        }

        _offset = 0;
        _usedInEarlierChunks = 0;
    }

    /// <summary>Frees every chunk.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var chunk in _chunks)
        {
            chunk.Dispose();
        }

        _chunks.Clear();
    }

    private void AddChunk(int atLeast)
    {
        _usedInEarlierChunks += _offset;
        var size = Math.Max(atLeast, (int)Math.Min(int.MaxValue - AlignmentFloats, 2L * _current.Length));
        _current = new NativeFloatBlock(size);
        _chunks.Add(_current);
        _offset = 0;
    }

    private static int RoundUp(int length) => checked((length + AlignmentFloats - 1) / AlignmentFloats * AlignmentFloats);
}
