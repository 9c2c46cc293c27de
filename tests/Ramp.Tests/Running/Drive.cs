// Helpers that run schedules the way the peers' test harnesses do, and compare rates with a tolerance.
namespace Ramp.Tests.Running;

internal static class Drive
{
    /// <summary>Rates at steps 0..count−1 of a group with <paramref name="baseRate"/>: a check-before-step (B) harness.</summary>
    public static double[] Rates(Schedule schedule, int count, double baseRate = 1.0, int group = 0)
        => [.. Enumerable.Range(0, count).Select(step => schedule.Rate(step, baseRate, group))];

    /// <summary>
    /// A step-then-check (A) harness with metrics: after update k the metric k is reported, then each group's
    /// rate is read, i.e. Rate(k + 1). Returns [group][k].
    /// </summary>
    public static double[][] AfterMetrics(Schedule schedule, IReadOnlyList<double> baseRates, IReadOnlyList<double> metrics, string metric = "val_loss")
    {
        var scheduler = new Scheduler(schedule, baseRates);
        var rates = baseRates.Select(_ => new double[metrics.Count]).ToArray();
        for (var k = 0; k < metrics.Count; k++)
        {
            scheduler.Step();
            scheduler.Report(metric, metrics[k]);
            for (var g = 0; g < baseRates.Count; g++)
            {
                rates[g][k] = scheduler.Rate(g);
            }
        }

        return rates;
    }

    /// <summary>Asserts that every rate matches to a relative tolerance (absolute near zero).</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var error = Math.Abs(expected[i] - actual[i]);
            Assert.True(
                error <= tolerance * Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i])),
                $"at {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>A list made of runs, like Python's [a]*n + [b]*m.</summary>
    public static double[] Repeat(params (double Value, int Count)[] runs)
        => [.. runs.SelectMany(run => Enumerable.Repeat(run.Value, run.Count))];
}
