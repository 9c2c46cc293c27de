// The error for a malformed catalog: names the file and where in it (byte offset for .mo, line for .po),
// so that one bad file can be reported and skipped while the rest of a corpus still builds.
namespace Ramp.Training.Data.Gettext;

/// <summary>A gettext catalog that cannot be read; the message names the file and the place.</summary>
public sealed class CatalogFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a byte offset of a binary (.mo) file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="byteOffset">Offset of the offending bytes from the start of the file.</param>
    /// <param name="problem">What is wrong, as one sentence without the file name.</param>
    public static CatalogFormatException AtOffset(string path, long byteOffset, string problem)
        => new(path, byteOffset, null, $"{path}: at byte offset {byteOffset} (0x{byteOffset:x}): {problem}");

    /// <summary>Creates the exception for a problem on a line of a text (.po) file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="problem">What is wrong, as one sentence without the file name.</param>
    public static CatalogFormatException AtLine(string path, int lineNumber, string problem)
        => new(path, null, lineNumber, $"{path}:{lineNumber}: {problem}");

    private CatalogFormatException(string path, long? byteOffset, int? lineNumber, string message)
        : base(message)
    {
        FilePath = path;
        ByteOffset = byteOffset;
        LineNumber = lineNumber;
    }

    /// <summary>The file that is malformed.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the problem in a .mo file; null for .po files.</summary>
    public long? ByteOffset { get; }

    /// <summary>1-based line of the problem in a .po file; null for .mo files.</summary>
    public int? LineNumber { get; }
}
