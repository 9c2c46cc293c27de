// A parallel corpus on disk: a directory with train.jsonl, valid.jsonl and test.jsonl, one JSON object
// per line {"source": ..., "target": ..., "origin": ...}, in UTF-8 without escaping non-ASCII text.
// Each file is written under a temporary name and renamed into place, so a reader never sees half a file.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ramp.Training.Data.Corpus;

/// <summary>Train, validation and test pairs.</summary>
/// <param name="Train">Training pairs.</param>
/// <param name="Valid">Validation pairs.</param>
/// <param name="Test">Test pairs.</param>
public sealed record ParallelCorpus(IReadOnlyList<SentencePair> Train, IReadOnlyList<SentencePair> Valid, IReadOnlyList<SentencePair> Test)
{
    internal static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The pairs of one split.</summary>
    public IReadOnlyList<SentencePair> this[CorpusSplit split] => split switch
    {
        CorpusSplit.Train => Train,
        CorpusSplit.Valid => Valid,
        CorpusSplit.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "expected Train, Valid or Test"),
    };

    /// <summary>The file name of a split: <c>train.jsonl</c>, <c>valid.jsonl</c>, <c>test.jsonl</c>.</summary>
    public static string FileName(CorpusSplit split) => CorpusStatistics.SplitName(split) + ".jsonl";

    /// <summary>Writes the three split files into <paramref name="directory"/>, creating it if needed.</summary>
    public void Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        foreach (var split in Enum.GetValues<CorpusSplit>())
            AtomicFile.Write(Path.Combine(directory, FileName(split)), stream => WriteLines(stream, this[split]));
    }

    /// <summary>Reads the three split files of a corpus directory.</summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object with string source and target.</exception>
    public static ParallelCorpus Read(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
            throw new ArgumentException($"Corpus directory '{directory}' does not exist; expected a directory written by 'ramp data gettext'.", nameof(directory));
        return new ParallelCorpus(
            ReadLines(Path.Combine(directory, FileName(CorpusSplit.Train))),
            ReadLines(Path.Combine(directory, FileName(CorpusSplit.Valid))),
            ReadLines(Path.Combine(directory, FileName(CorpusSplit.Test))));
    }

    private static void WriteLines(Stream stream, IReadOnlyList<SentencePair> pairs)
    {
        using var writer = new Utf8JsonWriter(stream, LineOptions);
        foreach (var pair in pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("source", pair.Source);
            writer.WriteString("target", pair.Target);
            writer.WriteString("origin", pair.Origin);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    private static List<SentencePair> ReadLines(string path)
    {
        var pairs = new List<SentencePair>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var origin = root.TryGetProperty("origin", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "";
                pairs.Add(new SentencePair(root.GetProperty("source").GetString()!, root.GetProperty("target").GetString()!, origin));
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected a JSON object with string \"source\" and \"target\" ({exception.Message})", exception);
            }
        }
        return pairs;
    }
}
