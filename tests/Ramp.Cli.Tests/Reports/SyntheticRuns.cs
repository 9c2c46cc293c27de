// Run directories written the way the trainer writes them (RunDirectory.Create, then Append per line),
// with made-up but plausible curves: two runs that differ in schedule, warmup, seed and per-group rates,
// so that a report has something to overlay, compare and highlight. Seeded, so every build writes the
// same files.
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Reports;

internal static class SyntheticRuns
{
    public const long Steps = 2000;
    public const long LogInterval = 20;
    public const long EvalInterval = 200;

    // Warmup 400 steps, one shared rate for both parameter groups.
    public static RunDirectory Warmup(string root) => Write(
        Path.Combine(root, "warmup-400"),
        new TrainingConfig { Schedule = "noam(d_model=256, warmup_steps=400)", Training = new LoopConfig { Steps = Steps, EvalInterval = EvalInterval, LogInterval = LogInterval } },
        seed: 1,
        rate: step => Math.Pow(256, -0.5) * Math.Min(Math.Pow(step + 1, -0.5), (step + 1) * Math.Pow(400, -1.5)),
        noDecayFactor: 1.0,
        lossFloor: 2.4);

    // No warmup, a different seed, and a no_decay group at half the rate; its loss settles higher.
    public static RunDirectory NoWarmup(string root) => Write(
        Path.Combine(root, "no-warmup"),
        new TrainingConfig
        {
            Schedule = "constant(0.0007)",
            GroupSchedules = new Dictionary<string, string> { ["no_decay"] = "constant(0.00035)" },
            Training = new LoopConfig { Steps = Steps, EvalInterval = EvalInterval, LogInterval = LogInterval, Seed = 7 },
        },
        seed: 7,
        rate: _ => 0.0007,
        noDecayFactor: 0.5,
        lossFloor: 3.1);

    // Five logged steps and one evaluation: for tests that change the files or need many directories.
    public static RunDirectory Tiny(string path) => Write(
        path,
        new TrainingConfig { Training = new LoopConfig { Steps = 50, EvalInterval = 50, LogInterval = 10 } },
        seed: 1,
        rate: _ => 0.001,
        noDecayFactor: 1,
        lossFloor: 3);

    public static RunDirectory Write(string path, TrainingConfig config, int seed, Func<long, double> rate, double noDecayFactor, double lossFloor, long? lastStep = null)
    {
        var run = new RunDirectory(path);
        run.Create(config);
        var random = new Random(seed);
        var last = lastStep ?? config.Training.Steps;
        for (var step = config.Training.LogInterval; step <= last; step += config.Training.LogInterval)
        {
            var lr = rate(step);
            var loss = lossFloor + (5.8 * Math.Exp(-step / 300.0)) + (0.15 * random.NextDouble());
            run.Append(new StepRecord
            {
                Step = step,
                Elapsed = step * 0.05,
                Lr = [lr, lr * noDecayFactor],
                Loss = loss,
                GradNorm = (0.5 + (4 * Math.Exp(-step / 200.0))) * (1 + random.NextDouble()),
                TokensPerSecond = 9000 + (1500 * random.NextDouble()),
            });
            if (step % config.Training.EvalInterval == 0)
            {
                var validation = lossFloor + 0.25 + (5.5 * Math.Exp(-step / 350.0));
                run.Append(new EvaluationRecord
                {
                    Step = step,
                    Elapsed = (step * 0.05) + 1,
                    ValLoss = validation,
                    ValPerplexity = Math.Exp(validation),
                    Bleu = 30 * (1 - Math.Exp(-step / 800.0)) * (lossFloor < 3 ? 1 : 0.6),
                    Samples =
                    [
                        new SampleTranslation("Open the file", "打开文件", step < 1000 ? "打开" : "打开文件"),
                        new SampleTranslation("Save changes?", "保存更改？", "保存<更改> & 退出"),
                    ],
                });
            }
        }

        return run;
    }
}

// The two synthetic runs, written once for the tests that only read them.
public sealed class SyntheticRunsFixture : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-runs-").FullName;

    public SyntheticRunsFixture()
    {
        Warmup = SyntheticRuns.Warmup(root);
        NoWarmup = SyntheticRuns.NoWarmup(root);
    }

    public RunDirectory Warmup { get; }

    public RunDirectory NoWarmup { get; }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
