// Comparisons for golden vectors: relative tolerance for exact values, absolute for values a peer rounded.
namespace Ramp.Tests.Cosine;

internal static class Expect
{
    /// <summary>Asserts |actual - expected| &lt;= relative * max(|expected|, floor).</summary>
    public static void Close(double expected, double actual, double relative = 1e-12, double floor = 1e-300)
    {
        var tolerance = relative * Math.Max(Math.Abs(expected), floor);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"expected {expected:R}, got {actual:R} (tolerance {tolerance:R})");
    }

    /// <summary>Asserts the values of <paramref name="rate"/> at steps 0, 1, ... match <paramref name="expected"/>.</summary>
    public static void Sequence(IReadOnlyList<double> expected, Func<long, double> rate, double relative = 1e-12, double floor = 1e-300)
    {
        for (var step = 0; step < expected.Count; step++)
        {
            var actual = rate(step);
            var tolerance = relative * Math.Max(Math.Abs(expected[step]), floor);
            Assert.True(Math.Abs(actual - expected[step]) <= tolerance, $"step {step}: expected {expected[step]:R}, got {actual:R} (tolerance {tolerance:R})");
        }
    }
}
