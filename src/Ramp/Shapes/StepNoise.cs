// Deterministic noise for the noisy schedules: a counter-based hash of (seed, step, counter) turned into
// uniform or normal numbers. A noisy schedule so stays a pure function of the step: no generator state to save,
// replay or resume. The seed is hashed once into a key, the step once per call into a stream, and the stream's
// numbers are SplitMix64's sequence from that state. The numbers are Ramp's own, not TensorFlow's or torch's.
namespace Ramp;

internal static class StepNoise
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private static readonly double[] CentralNumerator =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] CentralDenominator =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];

    private static readonly double[] TailNumerator =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] TailDenominator =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];

    /// <summary>The key of a seed; schedules compute it once.</summary>
    public static ulong Key(long seed) => Mix((ulong)seed);

    /// <summary>A uniform number in (0, 1), the same for the same (key, step, counter).</summary>
    public static double Uniform(ulong key, long step, long counter) => Unit(Stream(key, step), counter);

    /// <summary>
    /// A standard normal number, the same for the same (key, step, draw); draws are independent. It is the inverse
    /// normal distribution function of the uniform at counter <c>draw</c> (Acklam's rational approximation, relative
    /// error below 1.2e-9): one uniform per number and no rejection loop.
    /// </summary>
    public static double Normal(ulong key, long step, int draw) => InverseNormal(Unit(Stream(key, step), draw));

    /// <summary>
    /// A standard normal number conditioned on <c>|z| &lt; limit</c>: the law timm's noise has when it redraws until the
    /// draw falls inside the limit. Sampled exactly with a bounded expected number of draws for any limit &gt; 0:
    /// below 1 by a uniform proposal kept with probability <c>exp(-z^2 / 2)</c>, from 1 on by redrawing normals.
    /// </summary>
    public static double TruncatedNormal(ulong key, long step, double limit)
    {
        var stream = Stream(key, step);
        for (var draw = 0L; ; draw++)
        {
            if (limit < 1)
            {
                var candidate = ((2 * Unit(stream, 2 * draw)) - 1) * limit;
                if (Unit(stream, (2 * draw) + 1) < Math.Exp(-0.5 * candidate * candidate))
                {
                    return candidate;
                }
            }
            else
            {
                var candidate = InverseNormal(Unit(stream, draw));
                if (Math.Abs(candidate) < limit)
                {
                    return candidate;
                }
            }
        }
    }

    /// <summary>
    /// The standard normal quantile of <paramref name="probability"/> in (0, 1), by Acklam's rational approximation
    /// (relative error below 1.2e-9): a ratio of polynomials in the centre, of <c>sqrt(-2 log p)</c> in the tails.
    /// </summary>
    internal static double InverseNormal(double probability)
    {
        const double Low = 0.02425;
        if (probability < Low || probability > 1 - Low)
        {
            var tail = Math.Sqrt(-2 * Math.Log(Math.Min(probability, 1 - probability)));
            var value = Horner(TailNumerator, tail) / Horner(TailDenominator, tail);
            return probability < Low ? value : -value;
        }

        var centered = probability - 0.5;
        var square = centered * centered;
        return centered * Horner(CentralNumerator, square) / Horner(CentralDenominator, square);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }

    private static ulong Stream(ulong key, long step) => Mix(key ^ (ulong)step);

    private static double Unit(ulong stream, long counter)
        => ((Mix(stream + ((ulong)counter * Gamma)) >> 11) + 0.5) * (1.0 / (1UL << 53));

    // SplitMix64's finalizer: every input bit reaches every output bit.
    private static ulong Mix(ulong value)
    {
        value += Gamma;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
