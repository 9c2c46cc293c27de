// `ramp train` killed with SIGKILL (a child process, see RampProcess) in the middle of training and in the middle of
// checkpoint writes, then `ramp train --resume` to the configured length: metrics.jsonl (losses, rates, gradient
// norms, evaluations) and the final checkpoints equal, bit for bit, those of the same run never interrupted. Where
// exactly a kill lands is up to the clock; Ramp.Training.Tests' InterruptedWriteTests plants each state it can leave.
using Ramp.Training.Training;
using Xunit.Abstractions;

namespace Ramp.Cli.Tests.Training;

public sealed class KillAndResumeTests(ITestOutputHelper log) : IDisposable
{
    // Generous: two busy cores; a run that gets nowhere fails with ramp's output rather than hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    private readonly string root = Directory.CreateTempSubdirectory("ramp-kill-").FullName;

    [Fact]
    public void A_run_killed_mid_training_and_resumed_matches_the_uninterrupted_run()
    {
        var options = Options(steps: 80, checkpointInterval: 7, evalInterval: 5);
        var straight = Train("straight", options);
        var killed = Path.Combine(root, "killed");

        using (var child = RampProcess.Start(["train", "--run", killed, .. options]))
        {
            // Past a checkpoint by a few updates, whose metrics lines the resumed run must replace.
            child.WaitUntil(() => LatestStep(killed) >= 28 && LastLoggedStep(killed) > LatestStep(killed) + 2, "checkpoint at step 28 or later and 3 updates since", Patience, Poll);
            child.Kill();
        }

        var atKill = LatestStep(killed);
        log.WriteLine($"killed with the newest checkpoint at step {atKill} and metrics up to step {LastLoggedStep(killed)}");
        Assert.True(atKill < 80, $"the run had finished (checkpoint at step {atKill}) before it was killed");
        var resumed = Cli.Run("train", "--resume", killed);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"resumed at step {atKill} from step-", resumed.Output, StringComparison.Ordinal);
        AssertSameRun(straight, killed, "step-00000080");
    }

    [Fact]
    public void A_run_killed_repeatedly_while_writing_checkpoints_and_resumed_matches_the_uninterrupted_run()
    {
        // A checkpoint after every update and an evaluation (which may replace best) after every second one.
        var options = Options(steps: 60, checkpointInterval: 1, evalInterval: 2);
        var straight = Train("straight", options);
        var killed = Path.Combine(root, "killed");
        var unfinished = 0;
        // The second kill waits, from step 24, for a write of best: the run is deterministic, so one comes if this run
        // improved later (late enough to leave slack for a slow poll).
        Assert.Contains(Improvements(straight), step => step > 48);
        string[] targets = [".step-", ".best.", "."];

        for (var kill = 1; kill <= 3; kill++)
        {
            using var child = RampProcess.Start(kill == 1 ? ["train", "--run", killed, .. options] : ["train", "--resume", killed]);
            child.WaitUntil(() => LatestStep(killed) >= 12 * kill, $"checkpoint at step {12 * kill} or later", Patience, Poll);
            // Then as soon as a checkpoint write is under way: its hidden temporary folder exists.
            var target = targets[kill - 1];
            child.WaitUntil(() => Hidden(killed).Any(name => name.StartsWith(target, StringComparison.Ordinal)), $"write of a {target}* folder under way", Patience, TimeSpan.Zero);
            child.Kill();
            var left = Hidden(killed);
            unfinished += left.Count > 0 ? 1 : 0;
            log.WriteLine($"kill {kill}: newest checkpoint step {LatestStep(killed)}, left behind: {string.Join(", ", left)}");
        }

        log.WriteLine($"{unfinished} of 3 kills cut a checkpoint write short");
        Assert.True(LatestStep(killed) < 60, "the run had finished before the last kill");
        var resumed = Cli.Run("train", "--resume", killed);

        Assert.Equal(0, resumed.ExitCode);
        AssertSameRun(straight, killed, "step-00000060");
        Assert.Empty(Hidden(killed));
    }

    private string[] Options(int steps, int checkpointInterval, int evalInterval)
    {
        var corpus = Path.Combine(root, "corpus");
        if (!Directory.Exists(corpus))
        {
            TinyTraining.WriteCorpus(corpus);
        }

        return TinyTraining.With(
            "--data.corpus", corpus, "--training.steps", $"{steps}", "--training.log_interval", "1",
            "--training.eval_interval", $"{evalInterval}", "--training.checkpoint_interval", $"{checkpointInterval}");
    }

    private string Train(string name, string[] options)
    {
        var path = Path.Combine(root, name);
        var result = Cli.Run(["train", "--run", path, .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        return path;
    }

    // Metrics lines, the kept checkpoints, and the final and best checkpoints' weights, optimizer and schedule state.
    private static void AssertSameRun(string expected, string actual, string last)
    {
        Assert.Equal(TinyTraining.Describe(expected), TinyTraining.Describe(actual));
        var (expectedRun, actualRun) = (new RunDirectory(expected), new RunDirectory(actual));
        Assert.Equal(Entries(expectedRun.CheckpointsPath), Entries(actualRun.CheckpointsPath));
        foreach (var checkpoint in new[] { last, Checkpoints.BestName })
        {
            foreach (var file in new[] { Checkpoints.WeightsFile, "optimizer.safetensors", "scheduler.json" })
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(expectedRun.CheckpointsPath, checkpoint, file)).AsSpan()
                        .SequenceEqual(File.ReadAllBytes(Path.Combine(actualRun.CheckpointsPath, checkpoint, file))),
                    $"{checkpoint}/{file} differs from the uninterrupted run's");
            }
        }
    }

    private static long LatestStep(string run)
        => Checkpoints.Latest(new RunDirectory(run)) is { } latest ? long.Parse(Path.GetFileName(latest)["step-".Length..], System.Globalization.CultureInfo.InvariantCulture) : -1;

    // The steps whose evaluation lowered the best validation loss, i.e. rewrote checkpoints/best.
    private static List<long> Improvements(string run)
    {
        var best = double.PositiveInfinity;
        var steps = new List<long>();
        foreach (var evaluation in new RunDirectory(run).ReadMetrics().OfType<EvaluationRecord>().Where(evaluation => evaluation.ValLoss < best))
        {
            best = evaluation.ValLoss;
            steps.Add(evaluation.Step);
        }

        return steps;
    }

    private static long LastLoggedStep(string run)
        => new RunDirectory(run).ReadMetrics().OfType<StepRecord>().Select(record => record.Step).DefaultIfEmpty(-1).Max();

    private static List<string> Hidden(string run)
    {
        var checkpoints = new RunDirectory(run).CheckpointsPath;
        return Directory.Exists(checkpoints) ? [.. Directory.EnumerateDirectories(checkpoints, ".*").Select(folder => Path.GetFileName(folder))] : [];
    }

    private static List<string> Entries(string directory)
        => [.. Directory.EnumerateFileSystemEntries(directory).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(root, recursive: true);
}
