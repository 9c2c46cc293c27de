// The figures a report shows per run: how far it got, its final training loss, its best validation loss
// and BLEU (with the steps where they were reached) and its throughput. Values that a run has not logged
// (no evaluation yet, no BLEU) are null. Non-finite losses do not count as final or best.
using Ramp.Training.Training;

namespace Ramp.Cli.Reports;

/// <summary>A run's headline numbers.</summary>
/// <param name="LastStep">The last step any metrics line describes.</param>
/// <param name="Elapsed">Seconds of training, from the last metrics line.</param>
/// <param name="FinalTrainLoss">The last finite training loss logged.</param>
/// <param name="BestValidationLoss">The lowest validation loss and its step.</param>
/// <param name="BestBleu">The highest BLEU and its step.</param>
/// <param name="TokensPerSecond">The median of the logged throughputs (robust to a slow first interval).</param>
/// <param name="SkippedUpdates">Updates skipped for a non-finite loss or gradient, as of the last step logged.</param>
public sealed record RunSummary(
    long LastStep,
    double? Elapsed,
    double? FinalTrainLoss,
    (double Value, long Step)? BestValidationLoss,
    (double Value, long Step)? BestBleu,
    double? TokensPerSecond,
    long SkippedUpdates)
{
    /// <summary>The summary of <paramref name="run"/>.</summary>
    public static RunSummary Of(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = run.Steps.Cast<MetricRecord>().Concat(run.Evaluations).ToList();
        var finiteLosses = run.Steps.Where(step => double.IsFinite(step.Loss)).ToList();
        var validations = run.Evaluations.Where(evaluation => double.IsFinite(evaluation.ValLoss)).ToList();
        var bleus = run.Evaluations.Where(evaluation => evaluation.Bleu is { } bleu && double.IsFinite(bleu)).ToList();
        var rates = run.Steps.Select(step => step.TokensPerSecond).Where(double.IsFinite).Order().ToList();
        return new RunSummary(
            run.LastStep,
            records.Count == 0 ? null : records.Max(record => record.Elapsed),
            finiteLosses.Count == 0 ? null : finiteLosses[^1].Loss,
            validations.Count == 0 ? null : validations.MinBy(evaluation => evaluation.ValLoss) is { } best ? (best.ValLoss, best.Step) : null,
            bleus.Count == 0 ? null : bleus.MaxBy(evaluation => evaluation.Bleu) is { } top ? (top.Bleu!.Value, top.Step) : null,
            rates.Count == 0 ? null : Median(rates),
            run.Steps.Count == 0 ? 0 : run.Steps[^1].Skipped);
    }

    private static double Median(List<double> sorted)
        => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
