// `ramp data builtin`: the built-in corpus written as the three split files, and its one-line usage errors.
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Corpus.Builtin;

namespace Ramp.Cli.Tests.Data;

public sealed class BuiltinCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-builtin-").FullName;

    [Fact]
    public void Writes_the_built_in_corpus_and_prints_its_split_sizes()
    {
        var output = Path.Combine(directory, "corpus");

        var result = Cli.Run("data", "builtin", "-o", output, "--split", "0.1,0.02");

        Assert.Equal(0, result.ExitCode);
        var expected = BuiltinCorpus.Build(0.1, 0.02);
        var written = ParallelCorpus.Read(output);
        Assert.All(Enum.GetValues<CorpusSplit>(), split => Assert.Equal(expected[split], written[split]));
        Assert.Equal($"built-in corpus: {expected.Train.Count} training, {expected.Valid.Count} validation, {expected.Test.Count} test pairs", result.OutputLines[0]);
    }

    [Theory]
    [InlineData("--split", "0.5", "ramp data builtin: --split '0.5' must give two fractions, VALID,TEST, e.g. 0.05,0.05")]
    [InlineData("--split", "0.6,0.5", "ramp data builtin: --split '0.6,0.5' leaves nothing to train on; allowed: VALID + TEST below 1")]
    public void Bad_splits_are_named_in_one_line(string option, string value, string message)
    {
        var line = Cli.Run("data", "builtin", "-o", Path.Combine(directory, "out"), option, value).SingleErrorLine();

        Assert.Equal(message, line);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
