// The library entry point of run reports, for `ramp report` and for `ramp train` and `ramp demo`, which
// write each run's own report.html: load the runs, draw the charts, lay out the page, write it atomically.
// Runs are labelled by their directory's name; runs whose names collide (two `runs/*/base`) are labelled
// with as many parent folders as it takes to tell them apart.
using Ramp.Cli.Charts;
using Ramp.Training;
using Ramp.Training.Training;

namespace Ramp.Cli.Reports;

/// <summary>An HTML report of one or more training runs.</summary>
public sealed class RunReport
{
    private RunReport(string html, IReadOnlyList<string> notes)
    {
        Html = html;
        Notes = notes;
    }

    /// <summary>The page.</summary>
    public string Html { get; }

    /// <summary>Lines on what the report left out or could not show (also listed at the top of the page).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads <paramref name="runs"/> and lays out their report.</summary>
    /// <param name="runs">The runs, in legend and column order; each must have a config.json. A missing or empty
    /// metrics.jsonl gives empty charts with a note.</param>
    /// <param name="logLearningRate">Whether the learning rate axis is logarithmic.</param>
    /// <exception cref="ArgumentException">No runs, a run given twice, a directory that is not a run, or a
    /// config or metrics line that cannot be read; the message is one line naming the run.</exception>
    public static RunReport Create(IReadOnlyList<RunDirectory> runs, bool logLearningRate = false)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("a report needs at least one run directory");
        }

        var twice = runs.GroupBy(run => Path.TrimEndingDirectorySeparator(run.Path), StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"run '{twice.Key}' is given twice; give each run once");
        }

        var labels = Labels(runs);
        var loaded = runs.Select((run, index) => ReportRun.Load(run, labels[index])).ToList();
        var notes = new List<string>();
        foreach (var run in loaded)
        {
            if (run.Steps.Count == 0 && run.Evaluations.Count == 0)
            {
                notes.Add($"run '{run.Label}' has no metrics yet; its lines are missing from the charts");
            }

            if (run.TornLastLine)
            {
                notes.Add($"run '{run.Label}': the last line of metrics.jsonl is cut short (the run is writing, or was stopped mid-line); it is left out");
            }
        }

        if (loaded.Count > SvgChart.Colors.Count)
        {
            notes.Add($"{loaded.Count} runs and {SvgChart.Colors.Count} colors: from run {SvgChart.Colors.Count + 1} on, the colors repeat");
        }

        var charts = ReportCharts.Build(loaded, logLearningRate);
        return new RunReport(ReportHtml.Render(loaded, charts, notes), notes);
    }

    /// <summary>Reads <paramref name="runs"/> and writes their report to <paramref name="path"/> atomically
    /// (readers see the old file or the whole new one).</summary>
    /// <param name="runs">The runs, as for <see cref="Create"/>.</param>
    /// <param name="path">The HTML file to create or replace, e.g. a run's <see cref="RunDirectory.ReportPath"/>.</param>
    /// <param name="logLearningRate">Whether the learning rate axis is logarithmic.</param>
    /// <returns>The report written.</returns>
    public static RunReport Write(IReadOnlyList<RunDirectory> runs, string path, bool logLearningRate = false)
    {
        var report = Create(runs, logLearningRate);
        AtomicFile.WriteAllText(path, report.Html);
        return report;
    }

    // The directory's name, with parent folders prepended while two runs share a label.
    private static List<string> Labels(IReadOnlyList<RunDirectory> runs)
    {
        var parts = runs.Select(run => run.Path.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar)).ToList();
        var depths = Enumerable.Repeat(1, runs.Count).ToArray();
        while (true)
        {
            var labels = parts.Select((segments, i) => string.Join('/', segments.TakeLast(depths[i]))).ToList();
            var clashing = labels.Select((label, i) => (label, i)).GroupBy(pair => pair.label).Where(group => group.Count() > 1)
                .SelectMany(group => group.Select(pair => pair.i)).Where(i => depths[i] < parts[i].Length).ToList();
            if (clashing.Count == 0)
            {
                return labels;
            }

            foreach (var i in clashing)
            {
                depths[i]++;
            }
        }
    }
}
