// What a process killed while writing checkpoints or metrics leaves, planted by hand in a stopped run (see the list
// at the top of Checkpoints.cs): unfinished .tmp folders, a checkpoint moved aside to .old whose replacement never
// arrived, a half-deleted step folder, metrics lines past the checkpoint and a torn last line, a half-written
// temporary metrics file. Evaluation reads the moved-aside best; a resumed run puts it back, deletes the rest, and
// ends bit for bit where the uninterrupted run ends.
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class InterruptedWriteTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-interrupted-").FullName;

    [Fact]
    public void A_resumed_run_ignores_and_removes_the_leftovers_of_a_kill_mid_write_and_matches_the_uninterrupted_run()
    {
        var config = TinyRuns.Config(TinyRuns.WriteCorpus(Path.Combine(root, "corpus")));
        var straight = new RunDirectory(Path.Combine(root, "straight"));
        using (var trainer = Trainer.Start(config, straight.Path))
        {
            trainer.Train();
        }

        var run = new RunDirectory(Path.Combine(root, "killed"));
        using var stopper = new CancellationTokenSource();
        using (var trainer = Trainer.Start(config, run.Path, new TrainerCallbacks { Progress = progress => { if (progress.Step == 10) stopper.Cancel(); } }))
        {
            trainer.Train(stopper.Token);
        }

        // As if killed at step 12 while replacing best (between its two renames) after writing step 12's lines,
        // with a step-16 write and a metrics rewrite of an earlier resume cut short, and a pruning cut short.
        var checkpoints = run.CheckpointsPath;
        var bestWeights = File.ReadAllBytes(Path.Combine(Checkpoints.BestPath(run), Checkpoints.WeightsFile));
        var movedAside = Path.Combine(checkpoints, $".best.{Guid.NewGuid():N}.old");
        Directory.Move(Checkpoints.BestPath(run), movedAside);
        CopyFolder(Checkpoints.StepPath(run, 10), Path.Combine(checkpoints, $".best.{Guid.NewGuid():N}.tmp"));
        var unfinished = Directory.CreateDirectory(Path.Combine(checkpoints, $".step-00000016.{Guid.NewGuid():N}.tmp")).FullName;
        File.WriteAllBytes(Path.Combine(unfinished, Checkpoints.WeightsFile), bestWeights[..(bestWeights.Length / 2)]);
        File.WriteAllText(Path.Combine(unfinished, $".optimizer.json.{Guid.NewGuid():N}.tmp"), "{\"format\": \"ramp.opt");
        var halfDeleted = Directory.CreateDirectory(Checkpoints.StepPath(run, 4)).FullName;
        File.WriteAllBytes(Path.Combine(halfDeleted, Checkpoints.WeightsFile), bestWeights);
        var straightLines = File.ReadAllLines(straight.MetricsPath);
        var after10 = straightLines.Where(line => line.Contains("\"step\":12,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, after10.Count);
        var torn = straightLines.Single(line => line.Contains("\"step\":14,", StringComparison.Ordinal));
        File.AppendAllText(run.MetricsPath, string.Concat(after10.Select(line => line + "\n")) + torn[..(torn.Length / 2)]);
        var metricsLeftover = Path.Combine(run.Path, $".metrics.jsonl.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(metricsLeftover, straightLines[0][..10]);

        Assert.Equal(movedAside, Checkpoints.BestOrLatest(run));
        using (var model = TrainedModel.Load(run.Path))
        {
            Assert.Equal(movedAside, model.CheckpointPath);
        }

        Assert.Equal(["step-00000008", "step-00000010"], Checkpoints.List(run).Select(Path.GetFileName));
        using (var resumed = Trainer.Resume(run.Path))
        {
            Assert.Equal(10, resumed.Step);
            Assert.Equal(["best", "step-00000008", "step-00000010"], Entries(checkpoints));
            Assert.Equal(bestWeights, File.ReadAllBytes(Path.Combine(Checkpoints.BestPath(run), Checkpoints.WeightsFile)));
            Assert.False(File.Exists(metricsLeftover));
            Assert.Equal(10, run.ReadMetrics().Max(record => record.Step));
            resumed.Train();
        }

        Assert.Equal(TinyRuns.Describe(straight), TinyRuns.Describe(run));
        Assert.Equal(Entries(straight.CheckpointsPath), Entries(checkpoints));
        Assert.Equal(Entries(straight.Path), Entries(run.Path));
        foreach (var checkpoint in new[] { Checkpoints.BestName, "step-00000024" })
        {
            foreach (var file in new[] { Checkpoints.WeightsFile, "optimizer.safetensors", "scheduler.json" })
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(straight.CheckpointsPath, checkpoint, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(checkpoints, checkpoint, file))),
                    $"{checkpoint}/{file} differs from the uninterrupted run's");
            }
        }
    }

    [Fact]
    public void A_step_checkpoint_moved_aside_for_a_replacement_that_never_arrived_is_put_back_on_resume()
    {
        // Resuming a finished run saves its last checkpoint again, replacing it: killed between the two renames.
        var config = TinyRuns.Config(TinyRuns.WriteCorpus(Path.Combine(root, "corpus")), ("training.steps", "8"));
        var run = new RunDirectory(Path.Combine(root, "run"));
        using (var trainer = Trainer.Start(config, run.Path))
        {
            trainer.Train();
        }

        var last = Checkpoints.StepPath(run, 8);
        CopyFolder(last, Path.Combine(run.CheckpointsPath, $".step-00000008.{Guid.NewGuid():N}.tmp"));
        Directory.Move(last, Path.Combine(run.CheckpointsPath, $".step-00000008.{Guid.NewGuid():N}.old"));

        using var resumed = Trainer.Resume(run.Path);

        Assert.Equal(8, resumed.Step);
        Assert.Equal(["best", "step-00000008"], Entries(run.CheckpointsPath));
    }

    private static List<string> Entries(string directory)
        => [.. Directory.EnumerateFileSystemEntries(directory).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal)];

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
