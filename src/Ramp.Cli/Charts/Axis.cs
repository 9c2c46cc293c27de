// Axis ranges and tick marks at "nice" numbers (1, 2 or 5 times a power of ten) for linear axes, and at
// powers of ten (with 2 and 5 in between when the range is narrow) for logarithmic ones.
using System.Globalization;

namespace Ramp.Cli.Charts;

/// <summary>An axis: its range and the values where ticks go, with their labels.</summary>
/// <param name="Low">The value at the start of the axis (for a log axis, the value itself, not its logarithm).</param>
/// <param name="High">The value at the end of the axis.</param>
/// <param name="Ticks">The tick values and labels, in increasing order.</param>
/// <param name="Logarithmic">Whether positions are proportional to log10 of the value.</param>
public sealed record Axis(double Low, double High, IReadOnlyList<(double Value, string Label)> Ticks, bool Logarithmic)
{
    /// <summary>Where <paramref name="value"/> lies along the axis, 0 at <see cref="Low"/> and 1 at <see cref="High"/>.</summary>
    public double Fraction(double value) => Logarithmic
        ? (Math.Log10(value) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low))
        : (value - Low) / (High - Low);

    /// <summary>An axis of steps from 0 to <paramref name="last"/>, with about <paramref name="count"/> ticks at nice steps.</summary>
    public static Axis Steps(long last, int count = 6)
    {
        var high = Math.Max(1, last);
        var spacing = Math.Max(1, NiceStep(high, count));
        var ticks = new List<(double, string)>();
        for (var k = 0L; k * spacing <= high; k++)
        {
            var value = k * spacing;
            ticks.Add((value, StepLabel(value, spacing)));
        }

        return new Axis(0, high, ticks, Logarithmic: false);
    }

    /// <summary>A linear axis covering <paramref name="low"/>..<paramref name="high"/>, widened to nice ends.</summary>
    /// <param name="low">The lowest value to show.</param>
    /// <param name="high">The highest value to show.</param>
    /// <param name="count">About how many ticks.</param>
    /// <param name="fromZero">Whether the axis starts at 0 for positive data (rates, BLEU); losses leave it out
    /// to show their differences. A flat series starts at 0 regardless, so that it has a range.</param>
    public static Axis Linear(double low, double high, int count = 6, bool fromZero = true)
    {
        if (fromZero || high <= low)
        {
            low = Math.Min(0, low);
        }

        if (high <= low)
        {
            high = low == 0 ? 1 : low + Math.Abs(low);
        }

        var spacing = NiceStep(high - low, count);
        var start = Math.Floor(low / spacing);
        var end = Math.Ceiling(high / spacing);
        var ticks = new List<(double, string)>();
        for (var k = start; k <= end; k++)
        {
            ticks.Add((k * spacing, Label(k * spacing, spacing)));
        }

        return new Axis(start * spacing, end * spacing, ticks, Logarithmic: false);
    }

    /// <summary>A log axis covering <paramref name="low"/>..<paramref name="high"/> (both &gt; 0), from one power of ten to another.</summary>
    public static Axis Log(double low, double high)
    {
        var first = (int)Math.Floor(Math.Log10(low));
        var last = (int)Math.Ceiling(Math.Log10(high));
        last = last == first ? first + 1 : last;
        var decades = last - first;
        var every = Math.Max(1, (decades + 7) / 8);
        var ticks = new List<(double, string)>();
        for (var exponent = first; exponent <= last; exponent++)
        {
            var power = Math.Pow(10, exponent);
            if ((exponent - first) % every == 0)
            {
                ticks.Add((power, Label(power, power)));
            }

            if (decades <= 2 && exponent < last)
            {
                ticks.Add((2 * power, Label(2 * power, power)));
                ticks.Add((5 * power, Label(5 * power, power)));
            }
        }

        return new Axis(Math.Pow(10, first), Math.Pow(10, last), ticks, Logarithmic: true);
    }

    /// <summary>1, 2 or 5 times a power of ten, near <paramref name="span"/> / <paramref name="count"/>.</summary>
    public static double NiceStep(double span, int count)
    {
        var raw = span / count;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>A short label of a tick value on an axis whose ticks are <paramref name="spacing"/> apart: 0.0002, 1.5, 20000, 2e-6.</summary>
    public static string Label(double value, double spacing)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e5)
        {
            var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(spacing) + 1e-9), 0, 10);
            return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        var exponent = (int)Math.Floor(Math.Log10(magnitude) + 1e-9);
        var mantissa = Math.Round(value / Math.Pow(10, exponent), 2);
        return mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static string StepLabel(long value, long spacing) => spacing switch
    {
        _ when value == 0 => "0",
        _ when spacing % 1_000_000 == 0 => $"{value / 1_000_000}M",
        _ when spacing % 1_000 == 0 => $"{value / 1_000}k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static long NiceStep(long span, int count) => (long)Math.Round(NiceStep((double)span, count));
}
