// Writes scalar series (loss, learning rate, gradient norm, BLEU) to a TensorBoard event file in a run
// directory. Each writer opens a new file, as TensorBoard expects when a run is resumed.
using System.Diagnostics;

namespace Ramp.Training.Logging;

/// <summary>Appends scalar summaries to <c>events.out.tfevents.&lt;time&gt;.&lt;host&gt;.ramp</c> in a directory.</summary>
public sealed class TensorBoardWriter : IDisposable
{
    private readonly FileStream stream;

    /// <summary>Creates a new event file in <paramref name="directory"/> (created if missing).</summary>
    public TensorBoardWriter(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var name = $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}.{Stopwatch.GetTimestamp() % 100000}";
        FilePath = Path.Combine(directory, name);
        stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        TfRecord.Write(stream, EventProtocol.FileVersion(WallTime(now)));
        stream.Flush();
    }

    /// <summary>The event file being written.</summary>
    public string FilePath { get; }

    /// <summary>Appends one scalar.</summary>
    /// <param name="tag">The series, e.g. <c>train/loss</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="step">The training step.</param>
    public void AddScalar(string tag, double value, long step)
        => TfRecord.Write(stream, EventProtocol.Scalar(tag, step, (float)value, WallTime(DateTimeOffset.UtcNow)));

    /// <summary>Pushes what was written to the file, so that a running TensorBoard sees it.</summary>
    public void Flush() => stream.Flush();

    /// <inheritdoc/>
    public void Dispose() => stream.Dispose();

    /// <summary>Every scalar in an event file, checking each record's checksums.</summary>
    public static IReadOnlyList<ScalarEvent> ReadScalars(string path)
    {
        using var file = File.OpenRead(path);
        return [.. TfRecord.ReadAll(file).SelectMany(EventProtocol.ReadScalars)];
    }

    private static double WallTime(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
