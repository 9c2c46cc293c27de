// Output files named by a command's option: the path is checked first so that a bad one is a one-line
// usage error naming the option, then the file is written atomically (temporary sibling, then rename).
namespace Ramp.Cli.Infrastructure;

/// <summary>Checks and writes a file named by an option such as <c>-o</c>.</summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="content"/> (UTF-8, no byte order mark) to <paramref name="path"/>.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="content">The whole text of the file.</param>
    /// <param name="option">The option that named the file, for the error message.</param>
    public static void WriteAllText(string path, string content, string option)
        => global::Ramp.Training.AtomicFile.WriteAllText(Check(path, option), content);

    /// <summary>The full path of <paramref name="path"/>, or a usage error when it cannot be a file to write.</summary>
    public static string Check(string path, string option)
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

        return full;
    }

    /// <summary>The full path of a directory to write into (created if missing), or a usage error when a file stands there.</summary>
    public static string CheckDirectory(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new UsageException($"{option} '{path}' is a file; allowed: a directory (created if missing)");
        }

        Directory.CreateDirectory(full);
        return full;
    }
}
