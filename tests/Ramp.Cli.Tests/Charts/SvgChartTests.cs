// The chart parts `ramp report` needs beyond `ramp schedule plot`: series of logged values at sparse steps,
// line styles (color, dashes, markers), axis titles, a note on an empty chart and ids unique per chart.
using System.Xml.Linq;
using Ramp.Cli.Charts;

namespace Ramp.Cli.Tests.Charts;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Logged_values_keep_their_steps()
    {
        var series = PlotSeries.FromValues("loss", [(10, 4.0), (20, 3.0), (40, 2.5)], logarithmic: false);

        Assert.Equal([10L, 20L, 40L], series.Points.Select(point => point.Step));
        Assert.Equal([4.0, 3.0, 2.5], series.Points.Select(point => point.Value));
        Assert.Equal([true, false, false], series.Points.Select(point => point.StartsSegment));
    }

    [Fact]
    public void Long_logged_series_are_reduced_by_buckets_of_steps_keeping_a_spike()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => ((long)i * 10, i == 54_321 ? 100.0 : 1.0)).ToList();

        var series = PlotSeries.FromValues("grad norm", values, logarithmic: true, buckets: 100);

        Assert.True(series.Points.Count <= 400, $"{series.Points.Count} points");
        Assert.Contains(series.Points, point => point.Step == 543_210 && point.Value == 100);
        Assert.Equal(999_990, series.Points[^1].Step);
    }

    [Fact]
    public void A_non_finite_logged_value_leaves_a_gap()
    {
        var series = PlotSeries.FromValues("loss", [(0, 5.0), (10, double.NaN), (20, 4.0)], logarithmic: false);

        Assert.Equal(1, series.SkippedCount);
        Assert.Equal(10, series.FirstSkippedStep);
        Assert.Equal([true, true], series.Points.Select(point => point.StartsSegment));
    }

    [Fact]
    public void Logged_values_must_come_in_increasing_step_order()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotSeries.FromValues("loss", [(10, 1.0), (10, 2.0)], logarithmic: false));

        Assert.StartsWith("series 'loss': step 10 follows step 10; allowed: increasing steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linear_axis_not_from_zero_fits_the_data_between_nice_ticks()
    {
        var axis = Axis.Linear(2.31, 8.4, fromZero: false);

        Assert.Equal(2, axis.Low);
        Assert.Equal(9, axis.High);
    }

    [Fact]
    public void Styled_series_keep_their_color_dashes_and_markers_in_the_plot_and_the_legend()
    {
        var train = PlotSeries.FromValues("run-a train", [(0, 5.0), (10, 4.0)], logarithmic: false).WithStyle(new LineStyle("#123456"));
        var validation = PlotSeries.FromValues("run-a validation", [(10, 4.5)], logarithmic: false)
            .WithStyle(new LineStyle("#123456", DashArray: "6 4", Markers: true));

        var svg = XElement.Parse(SvgChart.Render("Loss", "loss", [train, validation], Axis.Steps(10), Axis.Linear(4, 5, fromZero: false), id: "loss"));

        var paths = svg.Descendants(Svg + "path").ToList();
        Assert.Equal(["#123456", "#123456"], paths.Select(path => path.Attribute("stroke")!.Value));
        Assert.Equal([null, "6 4"], paths.Select(path => path.Attribute("stroke-dasharray")?.Value));
        Assert.Single(svg.Descendants(Svg + "line"), line => line.Attribute("stroke-dasharray")?.Value == "6 4");

        // One dot on the lone validation point (step 10 of 10 is the right edge, x = 790) and one in its legend.
        var dots = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(2, dots.Count);
        Assert.Equal("790", dots[0].Attribute("cx")!.Value);
    }

    [Fact]
    public void Axis_titles_ids_and_the_note_are_written()
    {
        var svg = XElement.Parse(SvgChart.Render("Gradient norm", "norm", [], Axis.Steps(100), Axis.Log(0.1, 10), id: "grad-norm", note: "no steps logged"));

        var texts = svg.Descendants(Svg + "text").Select(text => text.Value).ToList();
        Assert.Contains("norm (log scale)", texts);
        Assert.Contains("step", texts);
        Assert.Contains("no steps logged", texts);
        Assert.Equal("grad-norm", svg.Attribute("id")!.Value);
        Assert.Equal("grad-norm-plot-area", svg.Descendants(Svg + "clipPath").Single().Attribute("id")!.Value);
        Assert.Empty(svg.Descendants(Svg + "path"));
    }

    [Fact]
    public void Four_or_more_short_names_share_legend_rows_two_by_two()
    {
        var series = Enumerable.Range(0, 4).Select(i => PlotSeries.FromValues($"line {i}", [(0, i), (1, i)], logarithmic: false)).ToList();

        var svg = XElement.Parse(SvgChart.Render("Four", "value", series, Axis.Steps(1), Axis.Linear(0, 3)));

        var legend = svg.Descendants(Svg + "text").Where(text => text.Value.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, legend.Select(text => text.Attribute("y")!.Value).Distinct().Count());
        Assert.Equal(2, legend.Select(text => text.Attribute("x")!.Value).Distinct().Count());
    }
}
