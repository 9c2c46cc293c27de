// A run's headline numbers: the last finite training loss, the lowest validation loss and highest BLEU with
// their steps, the median throughput, and nulls for what was never logged.
using Ramp.Cli.Reports;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Reports;

public sealed class RunSummaryTests
{
    [Fact]
    public void Picks_the_final_finite_loss_the_best_evaluations_and_the_median_throughput()
    {
        var run = Run(
            new StepRecord { Step = 10, Elapsed = 1, Loss = 6, TokensPerSecond = 10 },
            new StepRecord { Step = 20, Elapsed = 2, Loss = 5, TokensPerSecond = 1000 },
            new EvaluationRecord { Step = 20, Elapsed = 2.5, ValLoss = 5.5, Bleu = 3 },
            new StepRecord { Step = 30, Elapsed = 3, Loss = double.NaN, TokensPerSecond = 900, Skipped = 1 },
            new EvaluationRecord { Step = 30, Elapsed = 3.5, ValLoss = 5.2 },
            new StepRecord { Step = 40, Elapsed = 4, Loss = 4, TokensPerSecond = 950, Skipped = 1 },
            new EvaluationRecord { Step = 40, Elapsed = 4.5, ValLoss = 5.3, Bleu = 2 });

        var summary = RunSummary.Of(run);

        Assert.Equal(40, summary.LastStep);
        Assert.Equal(4.5, summary.Elapsed);
        Assert.Equal(4, summary.FinalTrainLoss);
        Assert.Equal((5.2, 30L), summary.BestValidationLoss);
        Assert.Equal((3.0, 20L), summary.BestBleu);
        Assert.Equal(925, summary.TokensPerSecond);
        Assert.Equal(1, summary.SkippedUpdates);
    }

    [Fact]
    public void What_was_never_logged_is_null()
    {
        var summary = RunSummary.Of(Run(new StepRecord { Step = 10, Elapsed = 1, Loss = double.PositiveInfinity, TokensPerSecond = 10 }));

        Assert.Null(summary.FinalTrainLoss);
        Assert.Null(summary.BestValidationLoss);
        Assert.Null(summary.BestBleu);
        Assert.Equal(10, summary.TokensPerSecond);
    }

    // Built in memory: a run directory's JSON cannot hold the non-finite losses of a diverging run.
    private static ReportRun Run(params MetricRecord[] records)
        => new(new RunDirectory("/runs/run"), "run", new TrainingConfig(), [.. records.OfType<StepRecord>()], [.. records.OfType<EvaluationRecord>()]);
}
