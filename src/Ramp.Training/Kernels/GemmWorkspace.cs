// The packing buffers of one GemmTeam: a private packed-A block and edge tile per thread, and two shared
// packed-B blocks (while some threads still compute on one, others already pack the next into the other).
// Buffers only grow, so a steady sequence of GEMM calls allocates nothing.
using Ramp.Training.Memory;

namespace Ramp.Training.Kernels;

/// <summary>Reusable, aligned packing buffers for the threads of one team.</summary>
internal sealed unsafe class GemmWorkspace : IDisposable
{
    /// <summary>Floats past a packed-A block that vector packing may overwrite (one Vector512).</summary>
    private const int PackingSlack = 16;

    private readonly NativeFloatBlock?[] _packedA;
    private readonly NativeFloatBlock?[] _tiles;
    private readonly NativeFloatBlock?[] _packedB = new NativeFloatBlock?[2];

    public GemmWorkspace(int threadCount)
    {
        _packedA = new NativeFloatBlock?[threadCount];
        _tiles = new NativeFloatBlock?[threadCount];
    }

    /// <summary>Makes sure each of the first <paramref name="threads"/> threads and the shared blocks have room.</summary>
    public void Reserve(int threads, int packedAFloats, int packedBFloats, int tileFloats)
    {
        for (var t = 0; t < threads; t++)
        {
            Grow(ref _packedA[t], packedAFloats + PackingSlack);
            Grow(ref _tiles[t], tileFloats);
        }

        Grow(ref _packedB[0], packedBFloats);
        Grow(ref _packedB[1], packedBFloats);
    }

    public float* PackedA(int thread) => _packedA[thread]!.Address;

    public float* Tile(int thread) => _tiles[thread]!.Address;

    public float* PackedB(int index) => _packedB[index]!.Address;

    public void Dispose()
    {
        foreach (var block in _packedA.Concat(_tiles).Concat(_packedB))
        {
            block?.Dispose();
        }
    }

    private static void Grow(ref NativeFloatBlock? block, int floats)
    {
        if (block is null || block.Length < floats)
        {
            block?.Dispose();
            block = new NativeFloatBlock(floats);
        }
    }
}
