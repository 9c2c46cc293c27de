// Weight initializers drawn from a RandomGenerator. Fan-in and fan-out follow PyTorch's reading of a
// Linear weight (out, in): fan-in is the number of inputs, fan-out the number of outputs.
namespace Ramp.Training.Randomness;

/// <summary>Fills parameter blocks with random initial values.</summary>
public static class Initializers
{
    /// <summary>
    /// Xavier (Glorot) uniform: U(-a, a) with a = gain * sqrt(6 / (fanIn + fanOut)), which keeps the variance
    /// of activations and of gradients roughly equal across a linear layer.
    /// </summary>
    /// <param name="generator">Source of the random numbers.</param>
    /// <param name="fanIn">Inputs per output (columns of a (out, in) weight), at least 1.</param>
    /// <param name="fanOut">Outputs (rows of a (out, in) weight), at least 1.</param>
    /// <param name="gain">Scale of the bound; 1 for linear layers.</param>
    /// <param name="weight">Values to overwrite, usually (fanOut, fanIn).</param>
    /// <exception cref="ArgumentOutOfRangeException">A fan is less than 1 or the gain is not positive.</exception>
    public static void XavierUniform(RandomGenerator generator, int fanIn, int fanOut, float gain, Span<float> weight)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        if (!(gain > 0) || !float.IsFinite(gain))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "The gain must be a finite positive number.");
        }

        var bound = (float)(gain * Math.Sqrt(6.0 / (fanIn + (double)fanOut)));
        generator.FillUniform(-bound, bound, weight);
    }
}
