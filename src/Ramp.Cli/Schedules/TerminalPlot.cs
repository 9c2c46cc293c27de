// A preview of a chart in the terminal, drawn with Unicode braille characters (2 x 4 dots per character
// cell): a y label column, the plot, a step axis and a legend. Colors (ANSI 256) when asked; without them
// the legend numbers the lines and each cell shows the last line drawn through it.
using System.Globalization;
using System.Text;
using Ramp.Cli.Charts;

namespace Ramp.Cli.Schedules;

/// <summary>Draws series as braille text.</summary>
public static class TerminalPlot
{
    // ANSI 256-color codes close to SvgChart.Colors.
    private static readonly int[] AnsiColors = [33, 208, 34, 160, 97, 94, 175, 244, 142, 37];

    // The bit of each dot in a braille cell, indexed [column, row].
    private static readonly int[,] DotBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    /// <summary>Writes the preview of <paramref name="series"/>, <paramref name="width"/> columns wide in all.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="series">The lines.</param>
    /// <param name="x">The step axis.</param>
    /// <param name="y">The rate axis.</param>
    /// <param name="width">The number of columns to fill (the terminal's width).</param>
    /// <param name="color">Whether to write ANSI colors.</param>
    /// <param name="rows">The height of the plot in character rows.</param>
    public static void Write(TextWriter output, IReadOnlyList<PlotSeries> series, Axis x, Axis y, int width, bool color, int rows = 14)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var top = y.Ticks[^1].Label;
        var bottom = y.Ticks[0].Label;
        var labelWidth = Math.Max(top.Length, bottom.Length);
        var columns = Math.Max(10, width - labelWidth - 2);
        var dotsWide = columns * 2;
        var dotsHigh = rows * 4;
        var cells = new int[rows, columns];
        var owners = new int[rows, columns];
        for (var index = 0; index < series.Count; index++)
        {
            Draw(series[index], index);
        }

        for (var row = 0; row < rows; row++)
        {
            var label = row == 0 ? top : row == rows - 1 ? bottom : string.Empty;
            var line = new StringBuilder();
            line.Append(label.PadLeft(labelWidth)).Append(row == 0 || row == rows - 1 ? " ┤" : " │");
            var current = -1;
            for (var column = 0; column < columns; column++)
            {
                var bits = cells[row, column];
                var owner = bits == 0 ? -1 : owners[row, column];
                if (color && owner != current)
                {
                    line.Append(owner < 0 ? "\u001b[0m" : $"\u001b[38;5;{AnsiColors[owner % AnsiColors.Length]}m");
                    current = owner;
                }

                line.Append(bits == 0 ? ' ' : (char)(0x2800 + bits));
            }

            if (color && current >= 0)
            {
                line.Append("\u001b[0m");
            }

            output.WriteLine(line.ToString().TrimEnd());
        }

        var first = "0";
        var last = ((long)x.High).ToString(CultureInfo.InvariantCulture);
        output.WriteLine(new string(' ', labelWidth + 1) + "└" + new string('─', columns));
        output.WriteLine(new string(' ', labelWidth + 2) + first + last.PadLeft(columns - first.Length));
        for (var index = 0; index < series.Count; index++)
        {
            var key = color ? $"\u001b[38;5;{AnsiColors[index % AnsiColors.Length]}m━━\u001b[0m" : $"{index + 1}:";
            output.WriteLine($"{new string(' ', labelWidth + 2)}{key} {series[index].Name}");
        }

        // Marks every dot the line passes through: in each dot column, from the lowest to the highest value
        // sampled there, joined to where the line stood in the column before; between sparse points the line
        // is interpolated.
        void Draw(PlotSeries line, int index)
        {
            var points = line.Points;
            var next = 0;
            int? join = null;
            PlotPoint? before = null;
            for (var dotColumn = 0; dotColumn < dotsWide && next < points.Count; dotColumn++)
            {
                var start = x.High * dotColumn / dotsWide;
                var end = x.High * (dotColumn + 1) / dotsWide;
                int? low = null, high = null, last = null;
                while (next < points.Count && (points[next].Step <= end || dotColumn == dotsWide - 1))
                {
                    var point = points[next++];
                    join = point.StartsSegment ? null : join;
                    last = Mark(Row(y.Fraction(point.Value)));
                    before = point;
                }

                if (last is null && before is { } from && next < points.Count && !points[next].StartsSegment)
                {
                    var to = points[next];
                    var t = (((start + end) / 2) - from.Step) / (to.Step - from.Step);
                    var fraction = y.Fraction(from.Value) + (t * (y.Fraction(to.Value) - y.Fraction(from.Value)));
                    last = Mark(Row(fraction));
                }

                if (last is null)
                {
                    continue;
                }

                for (var dotRow = high!.Value; dotRow <= low!.Value; dotRow++)
                {
                    cells[dotRow / 4, dotColumn / 2] |= DotBits[dotColumn % 2, dotRow % 4];
                    owners[dotRow / 4, dotColumn / 2] = index;
                }

                join = last;

                int Mark(int row)
                {
                    low = Math.Max(low ?? row, Math.Max(row, join ?? row));
                    high = Math.Min(high ?? row, Math.Min(row, join ?? row));
                    join = null;
                    return row;
                }
            }
        }

        int Row(double fraction) => (int)Math.Round((1 - Math.Clamp(fraction, 0, 1)) * (dotsHigh - 1));
    }
}
