// The trainer on a tiny run: it learns, logs and evaluates on schedule, keeps the newest checkpoints and the best,
// and a run stopped and resumed (also from an older checkpoint, as after a kill) ends bit for bit where the
// uninterrupted run ends; a new run's config.json, which makes the directory a run, is written after its data.
using Ramp.Training.Logging;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-trainer-").FullName;

    [Fact]
    public void A_run_logs_every_log_interval_evaluates_every_eval_interval_and_lowers_the_loss()
    {
        var corpus = TinyRuns.WriteCorpus(Path.Combine(root, "corpus"));
        var path = Path.Combine(root, "run");
        using var trainer = Trainer.Start(TinyRuns.Config(corpus), path);

        var outcome = trainer.Train();

        var run = new RunDirectory(path);
        var metrics = run.ReadMetrics();
        var steps = metrics.OfType<StepRecord>().ToList();
        var evaluations = metrics.OfType<EvaluationRecord>().ToList();
        Assert.Equal(TrainingStop.Completed, outcome.Stop);
        Assert.Equal(24, outcome.Step);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => 2L * i), steps.Select(record => record.Step));
        Assert.Equal([6L, 12, 18, 24], evaluations.Select(record => record.Step));
        Assert.All(steps, record => Assert.Equal(2, record.Lr.Count));
        Assert.True(steps[^1].Loss < steps[0].Loss, $"loss {steps[0].Loss} -> {steps[^1].Loss}");
        Assert.All(evaluations, record => Assert.Equal(Math.Exp(record.ValLoss), record.ValPerplexity, 12));
        Assert.All(evaluations, record => Assert.Equal(2, record.Samples.Count));
        Assert.NotNull(evaluations[^1].Bleu);
        Assert.Equal(["step-00000016", "step-00000024"], Checkpoints.List(run).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(Checkpoints.BestPath(run), Checkpoints.WeightsFile)));
        Assert.NotEmpty(Directory.GetFiles(run.TensorBoardPath));
        Assert.True(File.Exists(TrainingData.SourceTokenizerPath(run)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stopped_and_resumed_run_matches_the_uninterrupted_run_bit_for_bit(bool loseTheLastCheckpoint)
    {
        var corpus = TinyRuns.WriteCorpus(Path.Combine(root, "corpus"));
        var config = TinyRuns.Config(corpus, ("training.accumulation", "2"), ("training.label_smoothing", "0.1"));
        float[] straightWeights;
        using (var straight = Trainer.Start(config, Path.Combine(root, "straight")))
        {
            straight.Train();
            straightWeights = straight.Model.Parameters.Span.ToArray();
        }

        var resumedPath = Path.Combine(root, "resumed");
        using var stopper = new CancellationTokenSource();
        using (var first = Trainer.Start(config, resumedPath, new TrainerCallbacks { Progress = progress => { if (progress.Step == 10) stopper.Cancel(); } }))
        {
            Assert.Equal(TrainingStop.Cancelled, first.Train(stopper.Token).Stop);
        }

        var resumedRun = new RunDirectory(resumedPath);
        if (loseTheLastCheckpoint)
        {
            // As if killed after step 10's metric lines but before its checkpoint: step-00000008 is the newest.
            Directory.Delete(Checkpoints.StepPath(resumedRun, 10), recursive: true);
        }

        float[] resumedWeights;
        using (var second = Trainer.Resume(resumedPath))
        {
            Assert.Equal(loseTheLastCheckpoint ? 8 : 10, second.Step);
            second.Train();
            resumedWeights = second.Model.Parameters.Span.ToArray();
        }

        Assert.Equal(TinyRuns.Describe(new RunDirectory(Path.Combine(root, "straight"))), TinyRuns.Describe(resumedRun));
        Assert.True(straightWeights.AsSpan().SequenceEqual(resumedWeights), "final weights differ");
        Assert.Equal(TensorBoardSeries(Path.Combine(root, "straight")), TensorBoardSeries(resumedPath));
    }

    [Fact]
    public void Starting_a_run_in_a_directory_that_holds_one_is_refused()
    {
        var corpus = TinyRuns.WriteCorpus(Path.Combine(root, "corpus"));
        var config = TinyRuns.Config(corpus, ("training.steps", "2"));
        var path = Path.Combine(root, "run");
        using (var trainer = Trainer.Start(config, path))
        {
            trainer.Train();
        }

        var error = Assert.Throws<ArgumentException>(() => Trainer.Start(config, path));
        Assert.Contains("already holds a run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_a_run_writes_config_json_after_its_data_so_a_killed_start_leaves_no_run_to_resume()
    {
        var config = TinyRuns.Config(TinyRuns.WriteCorpus(Path.Combine(root, "corpus")));
        var path = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        var written = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watcher = new FileSystemWatcher(path) { EnableRaisingEvents = true };
        // Every file of the run directory is written atomically: renamed into place when complete.
        watcher.Renamed += (_, change) => written.Enqueue(change.Name!);

        using (Trainer.Start(config, path))
        {
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!written.Contains("config.json") && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(10);
        }

        Assert.Equal(["source.tokenizer.json", "target.tokenizer.json", "config.json"], written);
    }

    [Fact]
    public void Early_stopping_ends_the_run_after_evaluations_without_improvement()
    {
        var corpus = TinyRuns.WriteCorpus(Path.Combine(root, "corpus"));
        // A learning rate of zero never improves the validation loss after the first evaluation.
        var config = TinyRuns.Config(corpus, ("schedule", "constant(value=0)"), ("training.early_stopping", "2"), ("training.eval_interval", "2"));
        using var trainer = Trainer.Start(config, Path.Combine(root, "run"));

        var outcome = trainer.Train();

        Assert.Equal(TrainingStop.EarlyStopped, outcome.Stop);
        Assert.Equal(6, outcome.Step);
    }

    // What TensorBoard shows of a run, times and speeds left out: the resumed run's second event file drops the steps
    // its first session logged after the checkpoint it resumed from.
    private static List<(string Tag, long Step, float Value)> TensorBoardSeries(string run)
        => [.. TensorBoardWriter.ReadRun(new RunDirectory(run).TensorBoardPath)
            .Where(scalar => scalar.Tag != "train/tokens_per_second")
            .Select(scalar => (scalar.Tag, scalar.Step, scalar.Value))];

    public void Dispose() => Directory.Delete(root, recursive: true);
}
