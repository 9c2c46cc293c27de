// Writes a file so that readers see either the old content or the complete new content, never a torn one:
// the bytes go to a temporary file in the same directory, are flushed to disk, then renamed over the target.
namespace Ramp.Training;

/// <summary>A file being written atomically: write to <see cref="Stream"/>, then <see cref="Commit"/>.
/// Disposing without committing deletes the temporary file and leaves the target untouched.</summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string target;
    private readonly string temporary;
    private readonly FileStream stream;
    private bool finished;

    private AtomicFile(string target, string temporary, FileStream stream)
    {
        this.target = target;
        this.temporary = temporary;
        this.stream = stream;
    }

    /// <summary>The temporary file's stream; everything written here becomes the file's content on commit.</summary>
    public Stream Stream => stream;

    /// <summary>Starts writing <paramref name="path"/> through a temporary sibling file.</summary>
    /// <param name="path">The file to create or replace.</param>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Path '{path}' has no directory.", nameof(path));
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        return new AtomicFile(full, temporary, stream);
    }

    /// <summary>Writes a whole file atomically through <paramref name="write"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text)
        => Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Deletes the temporary files that writes of <paramref name="path"/> cut short by a killed process left beside it.</summary>
    /// <param name="path">The file whose interrupted writes to clean up; call only while nothing else is writing it.</param>
    public static void DeleteLeftovers(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Path '{path}' has no directory.", nameof(path));
        if (!Directory.Exists(directory))
        {
            return;
        }

        // Exactly the names Create gives: ".NAME.<32 hex digits>.tmp".
        var prefix = $".{Path.GetFileName(full)}.";
        foreach (var leftover in Directory.GetFiles(directory, prefix + "*.tmp"))
        {
            var middle = Path.GetFileName(leftover)[prefix.Length..^".tmp".Length];
            if (Guid.TryParseExact(middle, "N", out _))
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>Flushes the content to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        File.Move(temporary, target, overwrite: true);
        finished = true;
    }

    /// <summary>Abandons an uncommitted write: the temporary file is deleted and the target left as it was.</summary>
    public void Dispose()
    {
        if (finished)
        {
            return;
        }
        stream.Dispose();
        File.Delete(temporary);
        finished = true;
    }
}
