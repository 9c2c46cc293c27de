// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): a tiny
// generator whose output is fixed by its algorithm, unlike System.Random's, which .NET may change between
// versions. Data order must not depend on the runtime version, or a resumed run would see other batches.
namespace Ramp.Training.Data.Batching;

internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextBelow(int bound)
    {
        var range = (ulong)bound;
        var high = Math.BigMul(Next(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
                high = Math.BigMul(Next(), range, out low);
        }
        return (int)high;
    }

    /// <summary>Fisher-Yates shuffle.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The generator of one epoch: a pure function of the seed and the epoch number.</summary>
    public static SplitMix64 ForEpoch(ulong seed, int epoch)
    {
        var mixer = new SplitMix64(seed ^ (0xD1B54A32D192ED03UL * (ulong)(epoch + 1)));
        return new SplitMix64(mixer.Next());
    }
}
