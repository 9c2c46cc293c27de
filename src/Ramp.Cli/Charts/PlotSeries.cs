// One line of a chart: a schedule's rates sampled over steps 0..N-1, or values logged at some steps (a
// run's metrics). Long runs are reduced to at most a few points per bucket of steps (the first, lowest,
// highest and last value of each), which keeps every jump and spike visible while an SVG of a million
// steps stays small. Values a log axis cannot show (<= 0) and non-finite ones are left out, leaving a gap,
// and counted.
namespace Ramp.Cli.Charts;

/// <summary>A sampled point of a series.</summary>
/// <param name="Step">The step.</param>
/// <param name="Value">The value (a rate, a loss...).</param>
/// <param name="StartsSegment">Whether a gap comes before it (the line is not drawn from the previous point).</param>
public readonly record struct PlotPoint(long Step, double Value, bool StartsSegment);

/// <summary>A named, sampled line.</summary>
public sealed class PlotSeries
{
    private PlotSeries(string name, IReadOnlyList<PlotPoint> points, long skipped, long firstSkipped)
    {
        Name = name;
        Points = points;
        SkippedCount = skipped;
        FirstSkippedStep = firstSkipped;
    }

    /// <summary>The legend text.</summary>
    public string Name { get; }

    /// <summary>The points, in step order.</summary>
    public IReadOnlyList<PlotPoint> Points { get; }

    /// <summary>How many steps were left out (non-finite, or not positive on a log axis).</summary>
    public long SkippedCount { get; }

    /// <summary>The first step left out, or -1.</summary>
    public long FirstSkippedStep { get; }

    /// <summary>How it is drawn, or null for the chart's next palette color.</summary>
    public LineStyle? Style { get; private init; }

    /// <summary>Samples <paramref name="rate"/> at steps 0..<paramref name="steps"/>-1 into at most about 4 x <paramref name="buckets"/> points.</summary>
    /// <param name="name">The legend text.</param>
    /// <param name="steps">How many steps.</param>
    /// <param name="rate">The rate at a step.</param>
    /// <param name="logarithmic">Whether values &lt;= 0 must be left out.</param>
    /// <param name="buckets">How many buckets a long run is reduced to.</param>
    public static PlotSeries Sample(string name, long steps, Func<long, double> rate, bool logarithmic, int buckets = 1000)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return Reduce(name, Steps(steps, rate), BucketSize(steps, buckets), logarithmic);

        static IEnumerable<(long, double)> Steps(long steps, Func<long, double> rate)
        {
            for (var step = 0L; step < steps; step++)
            {
                yield return (step, rate(step));
            }
        }
    }

    /// <summary>
    /// A series of logged values (steps need not be consecutive), reduced like <see cref="Sample"/> to at most
    /// about 4 x <paramref name="buckets"/> points over steps 0 to the last one.
    /// </summary>
    /// <param name="name">The legend text.</param>
    /// <param name="values">The values and their steps, in increasing step order.</param>
    /// <param name="logarithmic">Whether values &lt;= 0 must be left out.</param>
    /// <param name="buckets">How many buckets a long run is reduced to.</param>
    public static PlotSeries FromValues(string name, IReadOnlyList<(long Step, double Value)> values, bool logarithmic, int buckets = 1000)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Step <= values[i - 1].Step)
            {
                throw new ArgumentException($"series '{name}': step {values[i].Step} follows step {values[i - 1].Step}; allowed: increasing steps", nameof(values));
            }
        }

        var steps = values.Count == 0 ? 0 : values[^1].Step + 1;
        return Reduce(name, values, BucketSize(steps, buckets), logarithmic);
    }

    /// <summary>The same points, drawn with <paramref name="style"/>.</summary>
    public PlotSeries WithStyle(LineStyle style) => new(Name, Points, SkippedCount, FirstSkippedStep) { Style = style };

    private static long BucketSize(long steps, int buckets) => Math.Max(1, (steps + buckets - 1) / buckets);

    // Keeps the first, lowest, highest and last value of each bucket of bucketSize steps (and of each part of
    // a bucket between gaps), in step order and without repeats.
    private static PlotSeries Reduce(string name, IEnumerable<(long Step, double Value)> values, long bucketSize, bool logarithmic)
    {
        var points = new List<PlotPoint>();
        var skipped = 0L;
        var firstSkipped = -1L;
        var gap = true;
        var bucket = new List<PlotPoint>(4);
        var bucketIndex = -1L;
        PlotPoint? first = null, lowest = null, highest = null, last = null;
        foreach (var (step, value) in values)
        {
            if (step / bucketSize != bucketIndex)
            {
                Flush();
                bucketIndex = step / bucketSize;
            }

            if (!double.IsFinite(value) || (logarithmic && value <= 0))
            {
                skipped++;
                firstSkipped = firstSkipped < 0 ? step : firstSkipped;
                Flush();
                gap = true;
                continue;
            }

            var point = new PlotPoint(step, value, gap);
            gap = false;
            first ??= point;
            lowest = lowest is { } low && low.Value <= value ? low : point;
            highest = highest is { } high && high.Value >= value ? high : point;
            last = point;
        }

        Flush();
        return new PlotSeries(name, points, skipped, firstSkipped);

        void Flush()
        {
            bucket.Clear();
            foreach (var candidate in new[] { first, lowest, highest, last })
            {
                if (candidate is { } point && !bucket.Exists(other => other.Step == point.Step))
                {
                    bucket.Add(point);
                }
            }

            bucket.Sort((a, b) => a.Step.CompareTo(b.Step));
            points.AddRange(bucket);
            first = lowest = highest = last = null;
        }
    }
}
