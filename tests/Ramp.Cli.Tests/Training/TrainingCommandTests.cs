// `ramp train`, `ramp train --resume`, `ramp eval`, `ramp translate` and `ramp demo`, run in-process on a tiny corpus
// written here (verb-object phrases from a fixed glossary) or the built-in one, and a tiny model (TinyTraining), with the
// bad inputs that exit 2 and a diverging run that exits 1.
using System.Text.Json;
using Ramp.Cli.Reports;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Corpus.Builtin;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Training;

public sealed class TrainingCommandTests : IDisposable
{
    private static readonly string[] Tiny = TinyTraining.Options;

    private readonly string root = Directory.CreateTempSubdirectory("ramp-cli-train-").FullName;

    [Fact]
    public void Train_writes_a_run_that_eval_and_translate_read()
    {
        var corpus = WriteCorpus();
        var run = Path.Combine(root, "run");

        var train = Cli.Run([.. "train --run".Split(' '), run, "--data.corpus", corpus, "--training.steps", "8", .. Tiny]);
        var evaluation = Cli.Run("eval", run, "--sentences", "3");
        var translation = Cli.Run("translate", run, "open the file", "close tab");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("step 8  val loss", train.Output, StringComparison.Ordinal);
        Assert.Contains("done at step 8", train.Output, StringComparison.Ordinal);
        Assert.Equal(8, new RunDirectory(run).ReadMetrics().OfType<StepRecord>().Last().Step);
        Assert.Contains($"report: {new RunDirectory(run).ReportPath}", train.OutputLines);
        Assert.Contains("<svg", File.ReadAllText(new RunDirectory(run).ReportPath), StringComparison.Ordinal);
        Assert.Equal(0, evaluation.ExitCode);
        Assert.Contains(evaluation.OutputLines, line => line.StartsWith("valid", StringComparison.Ordinal) && line.Contains("BLEU = ", StringComparison.Ordinal));
        Assert.Contains(evaluation.OutputLines, line => line.StartsWith("test", StringComparison.Ordinal));
        Assert.Equal(0, translation.ExitCode);
        Assert.Equal(2, translation.Output.Split('\n').Length - 1);
    }

    [Fact]
    public void Resume_continues_a_run_to_its_configured_length()
    {
        var corpus = WriteCorpus();
        var run = Path.Combine(root, "run");
        Assert.Equal(0, Cli.Run([.. "train --run".Split(' '), run, "--data.corpus", corpus, "--training.steps", "4", .. Tiny]).ExitCode);
        var config = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(run, "config.json")));
        var longer = File.ReadAllText(Path.Combine(run, "config.json")).Replace("\"steps\": 4", "\"steps\": 8", StringComparison.Ordinal);
        Assert.Equal(4, config.GetProperty("training").GetProperty("steps").GetInt32());
        File.WriteAllText(Path.Combine(run, "config.json"), longer);

        var resumed = Cli.Run("train", "--resume", run);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("resumed at step 4", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("done at step 8", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(RunReport.Create([new RunDirectory(run)]).Html, File.ReadAllText(new RunDirectory(run).ReportPath));
    }

    [Fact]
    public void A_diverging_run_exits_1_with_one_line_naming_its_last_good_checkpoint()
    {
        var corpus = WriteCorpus();
        var run = Path.Combine(root, "run");
        // Update 5 at the rate 1e30 leaves weights of about 1e30: finite, but no loss computed with them is.
        var options = TinyTraining.With(
            "--schedule", "sequence(schedules=[constant(value=0.001), constant(value=1e30)], boundaries=[4])",
            "--training.eval_interval", "1", "--training.max_non_finite", "3");

        var result = Cli.Run([.. "train --run".Split(' '), run, "--data.corpus", corpus, "--training.steps", "20", .. options]);

        Assert.Equal(CommandLine.Failure, result.ExitCode);
        Assert.Equal(
            "training stopped at step 5: 3 updates in a row had a non-finite loss or gradient (training.max_non_finite=3); the last good checkpoint is step-00000004; lower the learning rate or lengthen the warmup\n",
            result.Error);
        Assert.Contains(result.OutputLines, line => line.StartsWith("step 5: validation loss ", StringComparison.Ordinal) && line.EndsWith("; the evaluation is not recorded", StringComparison.Ordinal));
        Assert.Equal(["step 6: skipped", "step 6: skipped", "step 6: skipped"], result.OutputLines.Where(line => line.Contains("skipped (", StringComparison.Ordinal)).Select(line => line[..15]));
        Assert.Equal(4, new RunDirectory(run).ReadMetrics().OfType<EvaluationRecord>().Max(record => record.Step));
    }

    [Fact]
    public void Train_on_the_builtin_corpus_keeps_a_copy_of_it_in_the_run()
    {
        var run = Path.Combine(root, "builtin");

        var train = Cli.Run([.. "train --run".Split(' '), run, "--data.corpus", "builtin", "--training.steps", "2", .. Tiny]);

        Assert.Equal(0, train.ExitCode);
        var builtin = BuiltinCorpus.Build();
        Assert.Contains($"run {run}: {builtin.Train.Count} training pairs", train.Output, StringComparison.Ordinal);
        Assert.Contains("done at step 2", train.Output, StringComparison.Ordinal);
        Assert.Equal(builtin.Valid, ParallelCorpus.Read(TrainingData.CorpusPath(new RunDirectory(run))).Valid);
    }

    [Theory]
    [InlineData("train --model.d_model 0", "model.d_model=0")]
    [InlineData("train --model.heads 3", "model.heads=3 must divide")]
    [InlineData("train --model.dmodel 64", "unknown option '--model.dmodel'")]
    [InlineData("train --schedule nosuch(x=1)", "schedule")]
    [InlineData("train missing.yaml", "missing.yaml")]
    [InlineData("train --resume nowhere", "--resume 'nowhere' is not a run directory")]
    [InlineData("eval nowhere", "RUN 'nowhere' is not a run directory")]
    [InlineData("translate nowhere hello", "RUN 'nowhere' is not a run directory")]
    [InlineData("demo --minutes -1", "ramp demo: --minutes -1 is out of range; allowed: minutes from 0 to 10000")]
    [InlineData("demo --minutes 1,2", "ramp demo: --minutes '1,2' is not a finite number; allowed: minutes from 0 to 10000")]
    [InlineData("train --model.max_positions 10", "config: model.max_positions=10 is too small for data.max_length=64; allowed: at least 65")]
    [InlineData("train --data.corpus builtin --data.language de", "data.language=de is not allowed with data.corpus=builtin")]
    public void Bad_input_exits_2_with_one_line(string arguments, string expected)
    {
        var line = Cli.Run(arguments.Split(' ')).SingleErrorLine();

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_corpus_directory_exits_2_with_one_line()
    {
        var line = Cli.Run([.. "train --run".Split(' '), Path.Combine(root, "run"), "--data.corpus", Path.Combine(root, "absent"), .. Tiny]).SingleErrorLine();

        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_trains_with_its_settings_and_prints_a_summary_of_the_final_evaluation()
    {
        var corpus = WriteCorpus();
        var run = Path.Combine(root, "demo");

        var result = Cli.Run([.. "demo --minutes 0 --run".Split(' '), run, "--data.corpus", corpus, "--training.steps", "4", .. Tiny]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("demo: 4 updates in", result.Output, StringComparison.Ordinal);
        var test = ParallelCorpus.Read(TrainingData.CorpusPath(new RunDirectory(run))).Test.Count;
        Assert.Contains(result.OutputLines, line => line.StartsWith("test: BLEU ", StringComparison.Ordinal) && line.EndsWith($" on all {test} test sentences (checkpoint best, step 4)", StringComparison.Ordinal));
        var config = new RunDirectory(run).ReadConfig();
        Assert.Equal("post", config.Model.Norm);
        Assert.Equal(0.1, config.Model.Dropout);
    }

    private string WriteCorpus() => TinyTraining.WriteCorpus(Path.Combine(root, "corpus"));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
