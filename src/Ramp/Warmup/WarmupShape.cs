// The shapes a warmup ramp can take, with their spec names. Each ramp maps progress p in [0, 1] to a
// fraction of the way from the start value to the target: linear p, cosine (1 − cos πp)/2 (Hugging Face
// WSD's cosine warmup), 1-sqrt 1 − √(1 − p) (WSD's "1-sqrt"); constant holds the start value and
// exponential grows geometrically from it (these two need an explicit, positive start).
namespace Ramp;

/// <summary>The shape of a warmup ramp.</summary>
public enum WarmupShape
{
    /// <summary>Holds the start value for the whole warmup, then switches to the target.</summary>
    Constant,

    /// <summary>A straight line from the start value to the target.</summary>
    Linear,

    /// <summary>Geometric growth from the start value to the target: start^(1 − p).</summary>
    Exponential,

    /// <summary>Half a cosine wave from the start value to the target: slow, fast, slow.</summary>
    Cosine,

    /// <summary>1 − √(1 − p): slow at first, fast near the target (the mirror image of WSD's 1-sqrt cooldown).</summary>
    OneMinusSqrt,
}

/// <summary>Spec names and ramp functions of <see cref="WarmupShape"/>.</summary>
public static class WarmupShapes
{
    /// <summary>The spec names, in the order of <see cref="WarmupShape"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["constant", "linear", "exponential", "cosine", "1-sqrt"];

    /// <summary>The spec name of <paramref name="shape"/>, e.g. <c>1-sqrt</c>.</summary>
    public static string Name(WarmupShape shape) => Names[(int)shape];

    /// <summary>The shape named <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public static WarmupShape Parse(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return (WarmupShape)i;
            }
        }

        throw new ArgumentException($"shape='{name}' is not a warmup shape; allowed: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Whether <paramref name="shape"/> can start from 0 (a ramp from nothing), so that it needs no start value.</summary>
    public static bool CanStartFromZero(WarmupShape shape) => shape is WarmupShape.Linear or WarmupShape.Cosine or WarmupShape.OneMinusSqrt;

    /// <summary>
    /// The factor at progress <paramref name="progress"/> in [0, 1] of a ramp from <paramref name="start"/> to 1;
    /// <paramref name="logStart"/> is ln(start), which the exponential ramp uses as start^(1 − p) = exp((1 − p)·ln start).
    /// </summary>
    internal static double Ramp(WarmupShape shape, double start, double logStart, double progress) => shape switch
    {
        WarmupShape.Constant => start,
        WarmupShape.Linear => start + ((1 - start) * progress),
        WarmupShape.Exponential => Math.Exp((1 - progress) * logStart),
        WarmupShape.Cosine => start + ((1 - start) * 0.5 * (1 - Math.Cos(Math.PI * progress))),
        _ => start + ((1 - start) * (1 - Math.Sqrt(1 - progress))),
    };
}
