// Non-finite updates on a tiny run. Some are made by filling the parameters with NaN from the progress callback
// (a skipped update leaves them as they are, so putting the saved values back lets the run go on), others by a
// schedule that sends the rate out of float range: skipped updates are counted and change nothing (parameters,
// optimizer, schedule), training.max_non_finite of them in a row stop the run, and the newest checkpoint then holds
// the last finite weights. Nothing non-finite reaches metrics.jsonl.
using System.Text.Json.Nodes;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class NonFiniteUpdateTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-nonfinite-").FullName;

    [Fact]
    public void Skipped_updates_are_counted_and_leave_parameters_optimizer_and_schedule_untouched()
    {
        var config = Config(("training.max_non_finite", "3"));
        var straight = Path.Combine(root, "straight");
        using (var trainer = Trainer.Start(config, straight))
        {
            trainer.Train();
        }

        // Two bursts of two non-finite updates, after updates 5 and 9 (neither evaluated nor checkpointed).
        var path = Path.Combine(root, "poisoned");
        var poison = new Poison(afterSteps: [5, 9], updates: 2);
        TrainingOutcome outcome;
        using (var trainer = Trainer.Start(config, path, new TrainerCallbacks { Progress = poison.Apply }))
        {
            poison.Trainer = trainer;
            outcome = trainer.Train();
        }

        var run = new RunDirectory(path);
        var steps = run.ReadMetrics().OfType<StepRecord>().ToList();
        Assert.Equal(TrainingStop.Completed, outcome.Stop);
        Assert.Equal(4, poison.Skipped);
        Assert.Equal(Enumerable.Range(1, 12).Select(step => step <= 5 ? 0L : step <= 9 ? 2 : 4), steps.Select(record => record.Skipped));
        // The schedule did not advance on skipped updates: update k has the rate of update k of the clean run.
        Assert.Equal(Rates(new RunDirectory(straight)), Rates(run));
        Assert.All(steps, record => Assert.True(double.IsFinite(record.Loss) && double.IsFinite(record.GradNorm), $"step {record.Step}"));
        var last = Checkpoints.Latest(run)!;
        var state = Checkpoints.ReadState(last);
        Assert.Equal((12L, 4L, 0), (state.Step, state.Skipped, state.ConsecutiveNonFinite));
        Assert.All(JsonNode.Parse(File.ReadAllText(Path.Combine(last, "optimizer.json")))!["groups"]!.AsArray(), group => Assert.Equal(12, (long)group!["stepCount"]!));
        Assert.Equal(12, (long)JsonNode.Parse(File.ReadAllText(Path.Combine(last, "scheduler.json")))!["step"]!);
    }

    [Fact]
    public void Max_non_finite_updates_in_a_row_stop_the_run_and_leave_the_last_good_checkpoint_newest()
    {
        var config = Config(("training.max_non_finite", "3"), ("training.checkpoint_interval", "2"));
        var path = Path.Combine(root, "run");
        var poison = new Poison(afterSteps: [5], updates: int.MaxValue);
        float[]? atStep4 = null;
        var error = Assert.Throws<NonFiniteTrainingException>(() =>
        {
            using var trainer = Trainer.Start(config, path, new TrainerCallbacks
            {
                Progress = progress =>
                {
                    if (progress.Step == 4)
                    {
                        atStep4 = poison.Trainer!.Model.Parameters.Span.ToArray();
                    }

                    poison.Apply(progress);
                },
            });
            poison.Trainer = trainer;
            trainer.Train();
        });

        Assert.Equal("training stopped at step 5: 3 updates in a row had a non-finite loss or gradient (training.max_non_finite=3); the last good checkpoint is step-00000004; lower the learning rate or lengthen the warmup", error.Message);
        Assert.Equal(2, poison.Skipped); // the third stops the run before its progress report
        var run = new RunDirectory(path);
        Assert.Equal(["step-00000002", "step-00000004"], Checkpoints.List(run).Select(Path.GetFileName));
        Assert.Equal([1L, 2, 3, 4, 5], run.ReadMetrics().OfType<StepRecord>().Select(record => record.Step));
        using var resumed = Trainer.Resume(path);
        Assert.Equal(4, resumed.Step);
        Assert.True(resumed.Model.Parameters.Span.SequenceEqual(atStep4), "the checkpoint's weights are not those of step 4");
    }

    [Theory]
    [InlineData(2, "training stopped at step 5: 3 updates in a row had a non-finite loss or gradient (training.max_non_finite=3); the last good checkpoint is step-00000004; lower the learning rate or lengthen the warmup")]
    [InlineData(1, "training stopped at step 5: the update made some parameters non-finite, so no checkpoint was written; the last good checkpoint is step-00000004; lower the learning rate or lengthen the warmup")]
    public void A_rate_that_overflows_the_weights_stops_the_run_without_a_checkpoint_of_them(int checkpointInterval, string message)
    {
        // Update 5 has the rate 1e300, which is infinite in float: Adam's step makes the weights infinite or NaN.
        var config = Config(
            ("schedule", "sequence(schedules=[constant(value=0.001), constant(value=1e300)], boundaries=[4])"),
            ("training.max_non_finite", "3"),
            ("training.checkpoint_interval", checkpointInterval.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var path = Path.Combine(root, "run");
        var error = Assert.Throws<NonFiniteTrainingException>(() =>
        {
            using var trainer = Trainer.Start(config, path);
            trainer.Train();
        });

        Assert.Equal(message, error.Message);
        var run = new RunDirectory(path);
        Assert.Equal("step-00000004", Path.GetFileName(Checkpoints.Latest(run)));
        using var resumed = Trainer.Resume(path);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<float>(resumed.Model.Parameters.Span));
        Assert.All(run.ReadMetrics().OfType<StepRecord>(), record => Assert.True(double.IsFinite(record.Loss), $"step {record.Step}"));
    }

    [Fact]
    public void A_schedule_whose_rate_is_not_finite_stops_the_run_before_the_update()
    {
        var config = Config(("schedule", "sequence(schedules=[constant(value=0.001), scale(schedule=constant(value=1e308), factor=10)], boundaries=[4])"));
        var path = Path.Combine(root, "run");
        var error = Assert.Throws<NonFiniteTrainingException>(() =>
        {
            using var trainer = Trainer.Start(config, path);
            trainer.Train();
        });

        Assert.Equal("training stopped at step 4: the schedule gives group 'decay' the learning rate Infinity for update 5 (allowed: finite and >= 0); the last good checkpoint is step-00000004", error.Message);
    }

    [Fact]
    public void An_evaluation_of_weights_that_give_a_non_finite_loss_is_not_recorded()
    {
        // Update 1 at the rate 1e30 leaves finite weights of about 1e30, whose loss is not finite.
        var config = Config(("schedule", "constant(value=1e30)"), ("training.eval_interval", "1"), ("training.max_non_finite", "2"));
        var path = Path.Combine(root, "run");
        var notes = new List<string>();
        Assert.Throws<NonFiniteTrainingException>(() =>
        {
            using var trainer = Trainer.Start(config, path, new TrainerCallbacks { Message = notes.Add });
            trainer.Train();
        });

        Assert.Contains("step 1: validation loss NaN; the evaluation is not recorded", notes);
        Assert.Empty(new RunDirectory(path).ReadMetrics().OfType<EvaluationRecord>());
    }

    private TrainingConfig Config(params (string Field, string Value)[] overrides)
        => TinyRuns.Config(TinyRuns.WriteCorpus(Path.Combine(root, "corpus")),
            [("training.steps", "12"), ("training.log_interval", "1"), ("training.eval_interval", "6"), ("training.checkpoint_interval", "4"), .. overrides]);

    private static List<string> Rates(RunDirectory run)
        => [.. run.ReadMetrics().OfType<StepRecord>().Select(record => $"{record.Step}: {string.Join(", ", record.Lr.Select(rate => rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}")];

    // Fills the parameters with NaN after each of the given steps and puts them back after `updates` skipped updates.
    private sealed class Poison(long[] afterSteps, int updates)
    {
        private readonly HashSet<long> done = [];
        private float[]? saved;
        private int inBurst;

        public Trainer? Trainer { get; set; }

        public int Skipped { get; private set; }

        public void Apply(TrainingProgress progress)
        {
            var parameters = Trainer!.Model.Parameters.Span;
            if (saved is not null)
            {
                Assert.True(double.IsNaN(progress.Loss), $"update {progress.Step + 1} was not skipped");
                Skipped++;
                if (++inBurst == updates)
                {
                    saved.CopyTo(parameters);
                    saved = null;
                }
            }
            else if (afterSteps.Contains(progress.Step) && done.Add(progress.Step))
            {
                saved = parameters.ToArray();
                inBurst = 0;
                parameters.Fill(float.NaN);
            }
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
