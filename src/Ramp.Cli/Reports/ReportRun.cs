// One run as a report reads it: its label, config and metrics, split into training steps and evaluations,
// each in increasing step order (a step logged twice keeps its later line: the one a resumed run wrote).
// A metrics file that is missing or empty gives empty lists; its torn last line (a run killed mid-write, or
// still writing) is left out and counted, so that the report can say so.
using System.Text.Json;
using Ramp.Training.Training;

namespace Ramp.Cli.Reports;

/// <summary>A run directory's config and metrics, loaded for a report.</summary>
public sealed class ReportRun
{
    /// <summary>A run from records already read.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="label">The name to show for it.</param>
    /// <param name="config">Its config.</param>
    /// <param name="steps">Its training steps, in increasing step order.</param>
    /// <param name="evaluations">Its evaluations, in increasing step order.</param>
    /// <param name="tornLastLine">Whether a torn last line was left out.</param>
    internal ReportRun(RunDirectory directory, string label, TrainingConfig config, IReadOnlyList<StepRecord> steps,
        IReadOnlyList<EvaluationRecord> evaluations, bool tornLastLine = false)
    {
        Directory = directory;
        Label = label;
        Config = config;
        Steps = steps;
        Evaluations = evaluations;
        TornLastLine = tornLastLine;
    }

    /// <summary>The run directory.</summary>
    public RunDirectory Directory { get; }

    /// <summary>The name that legends and tables show: the directory's name, made unique among the report's runs.</summary>
    public string Label { get; }

    /// <summary>The run's config.json.</summary>
    public TrainingConfig Config { get; }

    /// <summary>The logged training steps, in increasing step order.</summary>
    public IReadOnlyList<StepRecord> Steps { get; }

    /// <summary>The evaluations, in increasing step order.</summary>
    public IReadOnlyList<EvaluationRecord> Evaluations { get; }

    /// <summary>Whether metrics.jsonl ends in a line cut short, which was left out.</summary>
    public bool TornLastLine { get; }

    /// <summary>The last step that any metrics line describes, or 0.</summary>
    public long LastStep => Math.Max(Steps.Count == 0 ? 0 : Steps[^1].Step, Evaluations.Count == 0 ? 0 : Evaluations[^1].Step);

    /// <summary>Reads the run at <paramref name="directory"/>; throws <see cref="ArgumentException"/> naming the run when it cannot be read as one.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="label">The name to show for it.</param>
    public static ReportRun Load(RunDirectory directory, string label)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory.Path))
        {
            throw new ArgumentException($"run '{directory.Path}' does not exist; allowed: a run directory (config.json, metrics.jsonl)");
        }

        if (!directory.Exists)
        {
            throw new ArgumentException($"run '{directory.Path}' is not a run directory: it has no config.json");
        }

        TrainingConfig config;
        IReadOnlyList<MetricRecord> records;
        try
        {
            config = directory.ReadConfig();
            records = directory.ReadMetrics();
        }
        catch (Exception error) when (error is ArgumentException or JsonException or InvalidDataException)
        {
            throw new ArgumentException($"run '{directory.Path}': {error.Message.ReplaceLineEndings(" ")}", error);
        }

        var torn = File.Exists(directory.MetricsPath)
            && File.ReadLines(directory.MetricsPath).Count(line => line.Length > 0) > records.Count;
        return new ReportRun(directory, label, config, LastPerStep(records.OfType<StepRecord>()), LastPerStep(records.OfType<EvaluationRecord>()), torn);
    }

    private static List<T> LastPerStep<T>(IEnumerable<T> records)
        where T : MetricRecord
        => [.. records.GroupBy(record => record.Step).Select(group => group.Last()).OrderBy(record => record.Step)];
}
