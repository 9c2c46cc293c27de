// Interpolations shared by the cosine-like shapes and their peers. The operation order of `Cosine` and
// `Linear` is the one PyTorch's OneCycleLR, Paddle and optax use, so that peer values agree bit for bit.
namespace Ramp;

internal static class Annealing
{
    /// <summary>0.5 (1 + cos(pi progress)): 1 at progress 0, 0 at progress 1.</summary>
    public static double HalfCosine(double progress) => 0.5 * (1.0 + Math.Cos(Math.PI * progress));

    /// <summary>From <paramref name="start"/> at pct 0 to <paramref name="end"/> at pct 1 along a half cosine.</summary>
    public static double Cosine(double start, double end, double pct) => end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1));

    /// <summary>From <paramref name="start"/> at pct 0 to <paramref name="end"/> at pct 1 along a line.</summary>
    public static double Linear(double start, double end, double pct) => ((end - start) * pct) + start;
}
