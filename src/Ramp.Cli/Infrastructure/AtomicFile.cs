// Writes output files so that a reader never sees a half-written one: the text goes to a temporary file
// in the same directory, which is then renamed over the target (a rename within a directory is atomic).
using System.Text;

namespace Ramp.Cli.Infrastructure;

/// <summary>Writes a whole file at once.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> (UTF-8, no byte order mark) to <paramref name="path"/>.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="content">The whole text of the file.</param>
    /// <param name="option">The option that named the file, for the error message.</param>
    public static void WriteAllText(string path, string content, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new UsageException($"{option} '{path}' is not a file path");
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{option} '{path}': directory '{directory}' does not exist; allowed: a file in an existing directory");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} '{path}' is a directory; allowed: a file name");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
