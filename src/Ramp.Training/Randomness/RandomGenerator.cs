// Seeded pseudo-random numbers for training: xoshiro256** (Blackman and Vigna, "Scrambled linear
// pseudorandom number generators", 2021), seeded by expanding a 64-bit seed with SplitMix64 so that nearby
// seeds give unrelated streams. Chosen because it is fast (a handful of shifts, xors and two multiplies per
// 64 bits), passes BigCrush, and its whole state is four words that can be saved and restored.
// Use one instance per purpose (initialization, dropout, data order), so that changing one consumer does
// not shift the numbers another one sees. Not thread-safe; not for cryptography.
using System.Numerics;

namespace Ramp.Training.Randomness;

/// <summary>A seeded xoshiro256** generator whose state can be read and restored for bit-exact resume.</summary>
public sealed class RandomGenerator
{
    private ulong _word0;
    private ulong _word1;
    private ulong _word2;
    private ulong _word3;

    /// <summary>Creates a generator from a 64-bit seed; equal seeds give equal streams.</summary>
    /// <param name="seed">Any value, zero included.</param>
    public RandomGenerator(ulong seed)
    {
        var mixer = seed;
        _word0 = SplitMix64(ref mixer);
        _word1 = SplitMix64(ref mixer);
        _word2 = SplitMix64(ref mixer);
        _word3 = SplitMix64(ref mixer);
    }

    /// <summary>Creates a generator that continues from a saved state.</summary>
    /// <param name="state">A state read from <see cref="State"/>.</param>
    public RandomGenerator(RandomGeneratorState state) => State = state;

    /// <summary>The whole state: read it to save, assign it to continue the saved stream exactly.</summary>
    /// <exception cref="ArgumentException">The assigned state is all zero.</exception>
    public RandomGeneratorState State
    {
        get => new(_word0, _word1, _word2, _word3);
        set
        {
            if (!value.IsValid)
            {
                throw new ArgumentException("A generator state of four zero words is invalid; use a state read from State.", nameof(value));
            }

            (_word0, _word1, _word2, _word3) = (value.Word0, value.Word1, value.Word2, value.Word3);
        }
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_word1 * 5, 7) * 9;
        var shifted = _word1 << 17;
        _word2 ^= _word0;
        _word3 ^= _word1;
        _word1 ^= _word2;
        _word0 ^= _word3;
        _word2 ^= shifted;
        _word3 = BitOperations.RotateLeft(_word3, 45);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with the next 64-bit outputs: the same stream as calling
    /// <see cref="NextUInt64"/> once per element, with the state kept in registers for bulk use (dropout masks).</summary>
    /// <param name="destination">Words to overwrite.</param>
    public void Fill(Span<ulong> destination)
    {
        var (word0, word1, word2, word3) = (_word0, _word1, _word2, _word3);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BitOperations.RotateLeft(word1 * 5, 7) * 9;
            var shifted = word1 << 17;
            word2 ^= word0;
            word3 ^= word1;
            word1 ^= word2;
            word0 ^= word3;
            word2 ^= shifted;
            word3 = BitOperations.RotateLeft(word3, 45);
        }

        (_word0, _word1, _word2, _word3) = (word0, word1, word2, word3);
    }

    /// <summary>A uniform float in [0, 1) with 24 random bits (every value is a multiple of 2^-24).</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    /// <param name="maxExclusive">Upper bound, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is less than 1.</exception>
    public int NextInt32(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);

        // Lemire's multiply-and-reject: the high word of a 32x32-bit product, rejecting the few low words
        // that would make some results more likely than others.
        var bound = (uint)maxExclusive;
        var product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        if ((uint)product < bound)
        {
            var threshold = (0u - bound) % bound;
            while ((uint)product < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A standard normal sample (mean 0, standard deviation 1), by the Box-Muller transform.</summary>
    public float NextNormal()
    {
        var (first, _) = NextNormalPair();
        return (float)first;
    }

    /// <summary>Fills <paramref name="destination"/> with uniform samples in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">Smallest value.</param>
    /// <param name="high">Bound above every value; must not be below <paramref name="low"/>.</param>
    /// <param name="destination">Values to overwrite.</param>
    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/> or either is not finite.</exception>
    public void FillUniform(float low, float high, Span<float> destination)
    {
        if (!float.IsFinite(low) || !float.IsFinite(high) || high < low)
        {
            throw new ArgumentException($"Uniform range [{low}, {high}) is invalid; expected finite low <= high.", nameof(high));
        }

        var width = high - low;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = low + (width * NextSingle());
        }
    }

    /// <summary>Fills <paramref name="destination"/> with normal samples; each Box-Muller pair fills two values.</summary>
    /// <param name="mean">Mean of the distribution.</param>
    /// <param name="standardDeviation">Standard deviation, at least 0.</param>
    /// <param name="destination">Values to overwrite.</param>
    /// <exception cref="ArgumentException"><paramref name="standardDeviation"/> is negative or a value is not finite.</exception>
    public void FillNormal(float mean, float standardDeviation, Span<float> destination)
    {
        if (!float.IsFinite(mean) || !float.IsFinite(standardDeviation) || standardDeviation < 0)
        {
            throw new ArgumentException($"Normal({mean}, {standardDeviation}) is invalid; expected a finite mean and standard deviation >= 0.", nameof(standardDeviation));
        }

        for (var i = 0; i < destination.Length; i += 2)
        {
            var (first, second) = NextNormalPair();
            destination[i] = (float)(mean + (standardDeviation * first));
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = (float)(mean + (standardDeviation * second));
            }
        }
    }

    /// <summary>Puts <paramref name="items"/> in a uniformly random order (Fisher-Yates).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">Items to permute in place.</param>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt32(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    // Two independent standard normals from two uniforms; 1 - u keeps the logarithm's argument in (0, 1].
    private (double First, double Second) NextNormalPair()
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var (sine, cosine) = Math.SinCos(2.0 * Math.PI * NextDouble());
        return (radius * cosine, radius * sine);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var mixed = state;
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        return mixed ^ (mixed >> 31);
    }
}
