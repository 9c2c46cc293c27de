// The layout of a run directory, shared by `ramp train` (writes) and `ramp eval` / `ramp report` (read):
//   config.json     everything needed to repeat the run
//   metrics.jsonl   one MetricRecord per line, appended as the run goes
//   checkpoints/    step-NNNNNNNN/ and best/ (weights as safetensors, state as JSON)
//   tensorboard/    TensorBoard event files
//   report.html     the run's report
using System.Text;
using System.Text.Json;

namespace Ramp.Training.Training;

/// <summary>Paths and metric I/O of one run directory.</summary>
public sealed class RunDirectory
{
    /// <summary>Opens (without creating) the run directory at <paramref name="path"/>.</summary>
    public RunDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>The run's name: the directory's name.</summary>
    public string Name => System.IO.Path.GetFileName(Path.TrimEnd(System.IO.Path.DirectorySeparatorChar));

    /// <summary>config.json.</summary>
    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");

    /// <summary>metrics.jsonl.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.jsonl");

    /// <summary>The checkpoints folder.</summary>
    public string CheckpointsPath => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>The TensorBoard folder.</summary>
    public string TensorBoardPath => System.IO.Path.Combine(Path, "tensorboard");

    /// <summary>report.html.</summary>
    public string ReportPath => System.IO.Path.Combine(Path, "report.html");

    /// <summary>Whether the directory holds a run (a config.json).</summary>
    public bool Exists => File.Exists(ConfigPath);

    /// <summary>Creates the directory and writes config.json atomically.</summary>
    public void Create(TrainingConfig config)
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(CheckpointsPath);
        AtomicFile.WriteAllText(ConfigPath, ConfigLoader.ToJson(config));
    }

    /// <summary>Reads and validates config.json.</summary>
    public TrainingConfig ReadConfig()
    {
        if (!Exists)
        {
            throw new ArgumentException($"'{Path}' is not a run directory: it has no config.json");
        }

        return ConfigLoader.FromJson(File.ReadAllText(ConfigPath));
    }

    /// <summary>Appends one line to metrics.jsonl and flushes it.</summary>
    public void Append(MetricRecord record)
    {
        var line = JsonSerializer.Serialize(record, ConfigLoader.JsonOptions.Compact()) + "\n";
        using var stream = new FileStream(MetricsPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// The metric lines in order. A last line cut short by a killed process is ignored; lines after
    /// <paramref name="upToStep"/> (left by a run that died after its last checkpoint) are dropped when given.
    /// </summary>
    public IReadOnlyList<MetricRecord> ReadMetrics(long upToStep = long.MaxValue)
    {
        if (!File.Exists(MetricsPath))
        {
            return [];
        }

        var records = new List<MetricRecord>();
        var lines = File.ReadAllLines(MetricsPath);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize<MetricRecord>(lines[i], ConfigLoader.JsonOptions)!;
                if (record.Step <= upToStep)
                {
                    records.Add(record);
                }
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                break;
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{MetricsPath}:{i + 1}: not a metrics line: {error.Message.Split('\n')[0]}", error);
            }
        }

        return records;
    }

    /// <summary>
    /// Rewrites metrics.jsonl to hold only the lines up to <paramref name="step"/>, atomically (used on resume), and
    /// deletes what an earlier rewrite cut short by a killed process left.
    /// </summary>
    public void TruncateMetrics(long step)
    {
        AtomicFile.DeleteLeftovers(MetricsPath);
        var kept = ReadMetrics(step);
        AtomicFile.WriteAllText(MetricsPath, string.Concat(kept.Select(record => JsonSerializer.Serialize(record, ConfigLoader.JsonOptions.Compact()) + "\n")));
    }
}
