// Assertions on schedule values: a relative tolerance, with an absolute floor for values near zero.
namespace Ramp.Tests.Decay;

internal static class Rates
{
    /// <summary>Asserts Rate(k, baseRate) == expected[k] for k = 0.. within the tolerance.</summary>
    public static void Equal(IReadOnlyList<double> expected, Schedule schedule, double baseRate = 1, double relative = 1e-12, double absolute = 1e-15)
    {
        for (var step = 0; step < expected.Count; step++)
        {
            Close(expected[step], schedule.Rate(step, baseRate), relative, absolute, $"{schedule} at step {step} (base {baseRate})");
        }
    }

    /// <summary>Asserts that <paramref name="actual"/> is within the tolerance of <paramref name="expected"/>.</summary>
    public static void Close(double expected, double actual, double relative = 1e-12, double absolute = 1e-15, string what = "value")
    {
        var error = Math.Abs(actual - expected);
        Assert.True(
            error <= absolute || error <= relative * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (error {error:R})");
    }

    /// <summary>expected[k] = f(k) for k = 0..count-1.</summary>
    public static double[] Of(int count, Func<int, double> f) => [.. Enumerable.Range(0, count).Select(f)];

    /// <summary>value repeated count times.</summary>
    public static double[] Repeat(double value, int count) => [.. Enumerable.Repeat(value, count)];
}
