// The parts of a chart: nice axis ticks, sampling that keeps every jump, and the statistics of describe.
using Ramp.Cli.Charts;
using Ramp.Cli.Schedules;

namespace Ramp.Cli.Tests;

public class ChartPartsTests
{
    [Theory]
    [InlineData(1.0, 5, 0.2)]
    [InlineData(0.0007, 6, 0.0001)]
    [InlineData(99999, 6, 20000)]
    [InlineData(3.3, 6, 0.5)]
    [InlineData(7.0, 5, 1)]
    public void Tick_spacing_is_1_2_or_5_times_a_power_of_ten(double span, int count, double spacing)
        => Assert.Equal(spacing, Axis.NiceStep(span, count), 12);

    [Fact]
    public void A_linear_axis_starts_at_zero_for_positive_rates_and_ends_on_a_tick()
    {
        var axis = Axis.Linear(0.0001, 0.000698);

        Assert.Equal(0, axis.Low);
        Assert.Equal(0.0007, axis.High, 15);
        Assert.Equal(["0", "0.0001", "0.0002", "0.0003", "0.0004", "0.0005", "0.0006", "0.0007"], axis.Ticks.Select(tick => tick.Label));
    }

    [Fact]
    public void A_linear_axis_of_a_constant_zero_still_has_a_range()
    {
        var axis = Axis.Linear(0, 0);

        Assert.True(axis.High > axis.Low);
    }

    [Fact]
    public void A_log_axis_spans_whole_decades_with_a_tick_at_each()
    {
        var axis = Axis.Log(3e-6, 0.0007);

        Assert.Equal(1e-6, axis.Low, 1e-18);
        Assert.Equal(1e-3, axis.High, 15);
        Assert.Equal(["1e-6", "1e-5", "0.0001", "0.001"], axis.Ticks.Select(tick => tick.Label));
        Assert.Equal(0, axis.Fraction(1e-6), 12);
        Assert.Equal(1.0 / 3, axis.Fraction(1e-5), 12);
    }

    [Fact]
    public void A_narrow_log_axis_adds_ticks_at_2_and_5()
        => Assert.Equal(["0.1", "0.2", "0.5", "1"], Axis.Log(0.15, 0.9).Ticks.Select(tick => tick.Label));

    [Fact]
    public void Step_axis_labels_use_k_for_thousands()
        => Assert.Equal(["0", "20k", "40k", "60k", "80k"], Axis.Steps(99_999).Ticks.Select(tick => tick.Label));

    [Theory]
    [InlineData(2e-6, 1e-6, "2e-6")]
    [InlineData(1.5e7, 1e6, "1.5e7")]
    [InlineData(0.3, 0.1, "0.3")]
    [InlineData(20000, 10000, "20000")]
    public void Labels_are_short(double value, double spacing, string label)
        => Assert.Equal(label, Axis.Label(value, spacing));

    [Fact]
    public void Sampling_a_long_run_keeps_a_one_step_spike_and_the_ends()
    {
        var series = PlotSeries.Sample("spike", 1_000_000, step => step == 123_457 ? 5 : 1, logarithmic: false, buckets: 100);

        Assert.True(series.Points.Count <= 400);
        Assert.Contains(series.Points, point => point.Step == 123_457 && point.Value == 5);
        Assert.Equal(0, series.Points[0].Step);
        Assert.Equal(999_999, series.Points[^1].Step);
        Assert.Equal(series.Points.OrderBy(point => point.Step).Select(point => point.Step), series.Points.Select(point => point.Step));
    }

    [Fact]
    public void Sampling_leaves_a_gap_at_values_a_log_axis_cannot_show()
    {
        var series = PlotSeries.Sample("gap", 10, step => step is 4 or 5 ? 0 : 1, logarithmic: true);

        Assert.Equal(2, series.SkippedCount);
        Assert.Equal(4, series.FirstSkippedStep);
        Assert.Equal([0L, 6L], series.Points.Where(point => point.StartsSegment).Select(point => point.Step));
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.5, 1.0, 1.0, 0.5 }, 2L)]
    [InlineData(new[] { 1.0, 1.0, 0.5 }, null)]
    [InlineData(new[] { 1.0, 0.5, 2.0 }, null)]
    [InlineData(new[] { 0.1, 0.2, 0.2, 0.3 }, 3L)]
    [InlineData(new[] { 0.5 }, null)]
    public void Warmup_ends_where_the_first_rise_reaches_its_maximum(double[] rates, long? end)
    {
        var statistics = new ScheduleStatistics();
        foreach (var rate in rates)
        {
            statistics.Add(rate);
        }

        Assert.Equal(end, statistics.WarmupEnd);
    }

    [Fact]
    public void The_mean_of_many_small_rates_is_exact()
    {
        var statistics = new ScheduleStatistics();
        for (var i = 0; i < 1_000_000; i++)
        {
            statistics.Add(0.1);
        }

        Assert.Equal(0.1, statistics.Mean);
    }
}
