// How the training commands print a run's events on stdout: one line per evaluation, its sample translations
// indented beneath, and notes; the live progress line on stderr is cleared first.
using System.Globalization;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Prints evaluations and notes of a run.</summary>
internal static class RunPrinter
{
    public static TrainerCallbacks Callbacks(TextWriter output, ProgressLine progress) => new()
    {
        Progress = progress.Show,
        Evaluated = record =>
        {
            progress.Clear();
            Evaluation(output, record);
            output.Flush();
        },
        Message = message =>
        {
            progress.Clear();
            output.WriteLine(message);
            output.Flush();
        },
    };

    public static void Evaluation(TextWriter output, EvaluationRecord record)
    {
        var bleu = record.Bleu is { } value ? string.Create(CultureInfo.InvariantCulture, $"  BLEU {value:F2}") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step {record.Step}  val loss {record.ValLoss:F4}  perplexity {record.ValPerplexity:F2}{bleu}  ({record.Elapsed:F0} s)"));
        foreach (var sample in record.Samples)
        {
            output.WriteLine($"    {sample.Source}  =>  {sample.Hypothesis}   (ref: {sample.Reference})");
        }
    }

    public static void Outcome(TextWriter output, TrainingOutcome outcome, RunDirectory run)
    {
        var what = outcome.Stop switch
        {
            TrainingStop.EarlyStopped => "stopped early",
            TrainingStop.Cancelled => "stopped",
            _ => "done",
        };
        var resume = outcome.Stop == TrainingStop.Cancelled ? $"; continue with: ramp train --resume {run.Path}" : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what} at step {outcome.Step} after {outcome.Elapsed:F0} s; best val loss {outcome.BestValidationLoss:F4}; run in {run.Path}{resume}"));
    }
}
