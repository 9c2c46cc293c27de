// Run directories: config.json round trip, metrics.jsonl lines of both kinds, a torn last line ignored,
// and truncation to a checkpoint's step for resume.
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-run-").FullName;

    [Fact]
    public void Config_and_metrics_round_trip()
    {
        var run = new RunDirectory(Path.Combine(root, "run1"));
        var config = ConfigLoader.Load(null, [new("schedule", "constant(value=0.5)")]);
        run.Create(config);
        run.Append(new StepRecord { Step = 10, Elapsed = 1.5, Lr = [1e-4, 2e-4], Loss = 7.25, GradNorm = 3.5, TokensPerSecond = 1234.5 });
        run.Append(new EvaluationRecord { Step = 10, Elapsed = 2, ValLoss = 6.5, ValPerplexity = Math.Exp(6.5), Bleu = 1.25, Samples = [new("Open", "打开", "打开")] });

        var metrics = run.ReadMetrics();

        Assert.Equal(ConfigLoader.ToJson(config), ConfigLoader.ToJson(run.ReadConfig()));
        var step = Assert.IsType<StepRecord>(metrics[0]);
        Assert.Equal([1e-4, 2e-4], step.Lr);
        Assert.Equal(7.25, step.Loss);
        var evaluation = Assert.IsType<EvaluationRecord>(metrics[1]);
        Assert.Equal(1.25, evaluation.Bleu);
        Assert.Equal("打开", evaluation.Samples[0].Hypothesis);
        Assert.Contains("\"kind\":\"step\"", File.ReadAllLines(run.MetricsPath)[0], StringComparison.Ordinal);
        Assert.Contains("\"grad_norm\":3.5", File.ReadAllLines(run.MetricsPath)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_torn_last_line_is_ignored_and_truncation_keeps_earlier_steps()
    {
        var run = new RunDirectory(Path.Combine(root, "run2"));
        run.Create(ConfigLoader.Load(null, [new("schedule", "constant(value=0.5)")]));
        for (var step = 10; step <= 40; step += 10)
        {
            run.Append(new StepRecord { Step = step, Loss = step });
        }

        File.AppendAllText(run.MetricsPath, "{\"kind\":\"step\",\"st");

        Assert.Equal([10L, 20, 30, 40], run.ReadMetrics().Select(r => r.Step));
        run.TruncateMetrics(20);
        Assert.Equal([10L, 20], run.ReadMetrics().Select(r => r.Step));
    }

    [Fact]
    public void A_directory_without_config_is_not_a_run()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunDirectory(root).ReadConfig());

        Assert.EndsWith("is not a run directory: it has no config.json", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
