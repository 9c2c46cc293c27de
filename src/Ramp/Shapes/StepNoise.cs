// Deterministic noise for the noisy schedules: a counter-based hash of (seed, step, draw) turned into
// uniform or normal numbers. A noisy schedule so stays a pure function of the step: no generator state to
// save, replay or resume. The numbers are Ramp's own; they are not those of TensorFlow's or torch's generators.
namespace Ramp;

internal static class StepNoise
{
    /// <summary>A uniform number in (0, 1), the same for the same (seed, step, draw).</summary>
    public static double Uniform(long seed, long step, int draw)
    {
        var bits = Mix(Mix(Mix((ulong)seed) ^ (ulong)step) ^ (ulong)draw);
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>A standard normal number (Box-Muller on uniform draws 2 draw and 2 draw + 1).</summary>
    public static double Normal(long seed, long step, int draw)
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(Uniform(seed, step, 2 * draw)));
        return radius * Math.Cos(2.0 * Math.PI * Uniform(seed, step, (2 * draw) + 1));
    }

    /// <summary>
    /// A standard normal number conditioned on <c>|z| &lt; limit</c>: the law timm's noise has when it redraws until the
    /// draw falls inside the limit. Sampled exactly with a bounded expected number of draws for any limit &gt; 0:
    /// below 1 by a uniform proposal kept with probability <c>exp(-z^2 / 2)</c>, from 1 on by redrawing normals.
    /// </summary>
    public static double TruncatedNormal(long seed, long step, double limit)
    {
        for (var draw = 0; ; draw++)
        {
            if (limit < 1)
            {
                var candidate = ((2 * Uniform(seed, step, 2 * draw)) - 1) * limit;
                if (Uniform(seed, step, (2 * draw) + 1) < Math.Exp(-0.5 * candidate * candidate))
                {
                    return candidate;
                }
            }
            else
            {
                var candidate = Normal(seed, step, draw);
                if (Math.Abs(candidate) < limit)
                {
                    return candidate;
                }
            }
        }
    }

    // SplitMix64's finalizer: every input bit reaches every output bit.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
