// The outcome of a corpus build: the pairs of each split and the statistics, and how they are saved.
using System.Text.Json;

namespace Ramp.Training.Data.Corpus;

/// <summary>A built corpus and the statistics of its build.</summary>
/// <param name="Corpus">The pairs of each split.</param>
/// <param name="Statistics">What the build read, dropped and kept.</param>
public sealed record GettextCorpusResult(ParallelCorpus Corpus, CorpusStatistics Statistics)
{
    /// <summary>The statistics file name in a corpus directory.</summary>
    public const string StatisticsFileName = "stats.json";

    /// <summary>
    /// Writes train.jsonl, valid.jsonl, test.jsonl and then stats.json into <paramref name="directory"/>; each
    /// file is renamed into place when complete, and stats.json last, so its presence marks a finished corpus.
    /// </summary>
    public void WriteTo(string directory)
    {
        Corpus.Write(directory);
        AtomicFile.Write(Path.Combine(directory, StatisticsFileName), stream =>
        {
            using var writer = new Utf8JsonWriter(stream, ParallelCorpus.LineOptions with { Indented = true });
            Statistics.WriteJson(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
        });
    }
}
