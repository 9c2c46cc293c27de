// The complete state of a RandomGenerator: four 64-bit words. Saving it in a checkpoint and restoring it
// makes a resumed run draw exactly the numbers the uninterrupted run would have drawn.
namespace Ramp.Training.Randomness;

/// <summary>The four 64-bit words of a xoshiro256** generator; all zero is not a valid state.</summary>
/// <param name="Word0">First state word.</param>
/// <param name="Word1">Second state word.</param>
/// <param name="Word2">Third state word.</param>
/// <param name="Word3">Fourth state word.</param>
public readonly record struct RandomGeneratorState(ulong Word0, ulong Word1, ulong Word2, ulong Word3)
{
    /// <summary>Whether at least one word is non-zero (xoshiro256** never leaves the all-zero state).</summary>
    public bool IsValid => (Word0 | Word1 | Word2 | Word3) != 0;
}
