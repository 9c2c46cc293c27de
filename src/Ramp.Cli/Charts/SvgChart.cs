// Renders series as one self-contained SVG chart: title, grid, axes with tick labels and titles, one <path>
// per series (axes, ticks, markers and legend use <line>, <rect>, <circle> and <text> only, so paths are the
// series), and a legend under the plot so that it never hides a line. Coordinates in pixels, y growing
// downwards. Ids are prefixed with the chart's id, so that several charts can share one HTML page.
using System.Globalization;
using System.Security;
using System.Text;

namespace Ramp.Cli.Charts;

/// <summary>Draws line charts as SVG.</summary>
public static class SvgChart
{
    /// <summary>Line colors in series order (the colors repeat after the last).</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private const double Width = 820;
    private const double PlotLeft = 90;
    private const double PlotTop = 50;
    private const double PlotWidth = 700;
    private const double PlotHeight = 380;
    private const double LegendRow = 20;
    private const int LegendCharacters = 110;

    // A legend of this many lines or more goes in two columns when every name fits in one.
    private const int TwoColumnLegend = 4;
    private const int ColumnCharacters = 48;

    // Series with more points than this get no markers: the dots would merge into a thick line.
    private const int MaxMarkers = 200;

    /// <summary>The SVG text of a chart of <paramref name="series"/>.</summary>
    /// <param name="title">The title above the plot.</param>
    /// <param name="yTitle">The title of the y axis; " (log scale)" is added on a log axis.</param>
    /// <param name="series">The lines, drawn in order.</param>
    /// <param name="x">The step axis.</param>
    /// <param name="y">The value axis.</param>
    /// <param name="id">The id of the svg element, unique in the page that holds the chart.</param>
    /// <param name="note">A line written across the middle of the plot (e.g. why it is empty), or null.</param>
    public static string Render(string title, string yTitle, IReadOnlyList<PlotSeries> series, Axis x, Axis y, string id = "chart", string? note = null)
    {
        ArgumentNullException.ThrowIfNull(yTitle);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var columns = series.Count >= TwoColumnLegend && series.All(line => line.Name.Length <= ColumnCharacters) ? 2 : 1;
        var legendRows = (series.Count + columns - 1) / columns;
        var height = PlotTop + PlotHeight + 70 + (LegendRow * legendRows);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" id="{Escape(id)}" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="0" width="{Width}" height="{height}" fill="white"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{PlotLeft + (PlotWidth / 2)}" y="28" text-anchor="middle" font-size="16" font-weight="bold">{Escape(Shorten(title, 90))}</text>""").Append('\n');
        // Grid and ticks.
        svg.Append("""<g stroke="#e6e6e6" stroke-width="1">""").Append('\n');
        foreach (var (value, _) in x.Ticks)
        {
            var px = X(x, value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(px)}" y1="{F(PlotTop)}" x2="{F(px)}" y2="{F(PlotTop + PlotHeight)}"/>""").Append('\n');
        }

        foreach (var (value, _) in y.Ticks)
        {
            var py = Y(y, value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(PlotLeft)}" y1="{F(py)}" x2="{F(PlotLeft + PlotWidth)}" y2="{F(py)}"/>""").Append('\n');
        }

        svg.Append("</g>\n");
        svg.Append("""<g stroke="#333333" stroke-width="1">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(PlotLeft)}" y1="{F(PlotTop + PlotHeight)}" x2="{F(PlotLeft + PlotWidth)}" y2="{F(PlotTop + PlotHeight)}"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(PlotLeft)}" y1="{F(PlotTop)}" x2="{F(PlotLeft)}" y2="{F(PlotTop + PlotHeight)}"/>""").Append('\n');
        foreach (var (value, _) in x.Ticks)
        {
            var px = X(x, value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(px)}" y1="{F(PlotTop + PlotHeight)}" x2="{F(px)}" y2="{F(PlotTop + PlotHeight + 5)}"/>""").Append('\n');
        }

        foreach (var (value, _) in y.Ticks)
        {
            var py = Y(y, value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(PlotLeft - 5)}" y1="{F(py)}" x2="{F(PlotLeft)}" y2="{F(py)}"/>""").Append('\n');
        }

        svg.Append("</g>\n");
        svg.Append("""<g fill="#333333">""").Append('\n');
        foreach (var (value, label) in x.Ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(X(x, value))}" y="{F(PlotTop + PlotHeight + 19)}" text-anchor="middle">{Escape(label)}</text>""").Append('\n');
        }

        foreach (var (value, label) in y.Ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(PlotLeft - 8)}" y="{F(Y(y, value) + 4)}" text-anchor="end">{Escape(label)}</text>""").Append('\n');
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(PlotLeft + (PlotWidth / 2))}" y="{F(PlotTop + PlotHeight + 40)}" text-anchor="middle">step</text>""").Append('\n');
        var yLabel = y.Logarithmic ? yTitle + " (log scale)" : yTitle;
        svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate(22 {F(PlotTop + (PlotHeight / 2))}) rotate(-90)" text-anchor="middle">{Escape(yLabel)}</text>""").Append('\n');
        if (note is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(PlotLeft + (PlotWidth / 2))}" y="{F(PlotTop + (PlotHeight / 2))}" text-anchor="middle" font-size="14" fill="#777777">{Escape(Shorten(note, 100))}</text>""").Append('\n');
        }

        svg.Append("</g>\n");

        // Lines, clipped to the plot area.
        var clip = Escape(id) + "-plot-area";
        svg.Append(CultureInfo.InvariantCulture, $"""<clipPath id="{clip}"><rect x="{F(PlotLeft)}" y="{F(PlotTop - 4)}" width="{F(PlotWidth)}" height="{F(PlotHeight + 8)}"/></clipPath>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<g fill="none" stroke-width="1.8" stroke-linejoin="round" clip-path="url(#{clip})">""").Append('\n');
        for (var i = 0; i < series.Count; i++)
        {
            var style = StyleOf(series, i);
            svg.Append(CultureInfo.InvariantCulture, $"""<path stroke="{style.Color}"{Dash(style)} d="{PathData(series[i], x, y)}"><title>{Escape(series[i].Name)}</title></path>""").Append('\n');
            if (style.Markers && series[i].Points.Count <= MaxMarkers)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<g fill="{style.Color}" stroke="none">""");
                foreach (var point in series[i].Points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(X(x, point.Step))}" cy="{F(Y(y, point.Value))}" r="2.5"/>""");
                }

                svg.Append("</g>\n");
            }
        }

        svg.Append("</g>\n");

        // Legend, row by row.
        var legendTop = PlotTop + PlotHeight + 62;
        var columnWidth = PlotWidth / columns;
        svg.Append("<g>\n");
        for (var i = 0; i < series.Count; i++)
        {
            var style = StyleOf(series, i);
            var row = legendTop + (i / columns * LegendRow);
            var left = PlotLeft + (i % columns * columnWidth);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(left)}" y1="{F(row)}" x2="{F(left + 28)}" y2="{F(row)}" stroke="{style.Color}" stroke-width="3"{Dash(style)}/>""").Append('\n');
            if (style.Markers)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(left + 14)}" cy="{F(row)}" r="3" fill="{style.Color}"/>""").Append('\n');
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(left + 36)}" y="{F(row + 4)}">{Escape(Shorten(series[i].Name, columns == 1 ? LegendCharacters : ColumnCharacters))}</text>""").Append('\n');
        }

        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static LineStyle StyleOf(IReadOnlyList<PlotSeries> series, int index)
        => series[index].Style ?? new LineStyle(Colors[index % Colors.Count]);

    private static string Dash(LineStyle style) => style.DashArray is null ? string.Empty : $" stroke-dasharray=\"{Escape(style.DashArray)}\"";

    private static string PathData(PlotSeries series, Axis x, Axis y)
    {
        var data = new StringBuilder();
        foreach (var point in series.Points)
        {
            data.Append(point.StartsSegment ? 'M' : 'L')
                .Append(F(X(x, point.Step))).Append(',').Append(F(Y(y, point.Value))).Append(' ');
        }

        return data.ToString().TrimEnd();
    }

    private static double X(Axis axis, double value) => PlotLeft + (axis.Fraction(value) * PlotWidth);

    private static double Y(Axis axis, double value) => PlotTop + ((1 - axis.Fraction(value)) * PlotHeight);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Escape(string text) => SecurityElement.Escape(text);
}
