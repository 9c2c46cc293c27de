// Writes scalar series (loss, learning rate, gradient norm, BLEU) to a TensorBoard event file in a run
// directory. Each writer opens a new file, as TensorBoard expects when a run is resumed; file names sort in the
// order the files were opened (seconds, then milliseconds), which is the order TensorBoard reads them in. A writer
// for a training session starts its file with a session-start event at the first step it will log, so that
// TensorBoard drops what an interrupted session logged after its last checkpoint instead of showing those steps twice.
using System.Globalization;

namespace Ramp.Training.Logging;

/// <summary>Appends scalar summaries to <c>events.out.tfevents.&lt;time&gt;.&lt;host&gt;.ramp</c> in a directory.</summary>
public sealed class TensorBoardWriter : IDisposable
{
    private static int opened;
    private readonly FileStream stream;

    /// <summary>Creates a new event file in <paramref name="directory"/> (created if missing).</summary>
    /// <param name="directory">The run's event folder.</param>
    /// <param name="sessionStartStep">For a training session: the first step it will log. Scalars of this step and
    /// later in the folder's earlier files are then dropped by TensorBoard (and by <see cref="ReadRun"/>).</param>
    public TensorBoardWriter(string directory, long? sessionStartStep = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{now.Millisecond:D3}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref opened):D6}");
        FilePath = Path.Combine(directory, name);
        stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        TfRecord.Write(stream, EventProtocol.FileVersion(WallTime(now)));
        if (sessionStartStep is { } step)
        {
            TfRecord.Write(stream, EventProtocol.SessionStart(step, WallTime(now)));
        }

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

    /// <summary>
    /// The scalars TensorBoard shows for a folder of event files: the files in name order, and at each session start
    /// the scalars of that step and later read from earlier files dropped.
    /// </summary>
    public static IReadOnlyList<ScalarEvent> ReadRun(string directory)
    {
        var scalars = new List<ScalarEvent>();
        foreach (var path in Directory.GetFiles(directory, "events.out.tfevents.*").Order(StringComparer.Ordinal))
        {
            using var file = File.OpenRead(path);
            foreach (var record in TfRecord.ReadAll(file))
            {
                if (EventProtocol.ReadSessionStart(record) is { } start)
                {
                    scalars.RemoveAll(scalar => scalar.Step >= start);
                }

                scalars.AddRange(EventProtocol.ReadScalars(record));
            }
        }

        return scalars;
    }

    private static double WallTime(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
