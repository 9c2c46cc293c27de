// Runs a Trainer for a command: the progress line on a terminal's stderr, Ctrl+C as a clean stop (checkpoint, then
// exit) as is the end of an optional time limit, library errors as the CLI's exit codes (bad config or run
// directory: 2; training stopped by non-finite values: 1, with one line on stderr). When training ends (finished,
// stopped or failed on non-finite values) the run's report.html is rewritten from what the run directory holds.
using Ramp.Cli.Infrastructure;
using Ramp.Cli.Reports;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Starts or resumes a run and trains it to the end.</summary>
internal static class TrainingSession
{
    public static int Run(CommandContext context, Func<TrainerCallbacks, Trainer> open, TimeSpan? timeLimit = null, Action<Trainer, TrainingOutcome>? after = null)
    {
        var console = ReferenceEquals(context.Error, Console.Error);
        var progress = new ProgressLine(context.Error, console && !Console.IsErrorRedirected);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler? handler = null;
        if (console)
        {
            handler = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += handler;
        }

        try
        {
            using var trainer = Open(open, RunPrinter.Callbacks(context.Output, progress));
            if (timeLimit is { } limit)
            {
                stop.CancelAfter(limit);
            }

            try
            {
                var outcome = trainer.Train(stop.Token);
                progress.Clear();
                RunPrinter.Outcome(context.Output, outcome, trainer.Run);
                after?.Invoke(trainer, outcome);
                WriteReport(context, trainer.Run);
                return CommandLine.Success;
            }
            catch (NonFiniteTrainingException error)
            {
                progress.Clear();
                WriteReport(context, trainer.Run);
                context.Error.WriteLine(error.Message);
                return CommandLine.Failure;
            }
        }
        finally
        {
            if (handler is not null)
            {
                Console.CancelKeyPress -= handler;
            }
        }
    }

    private static void WriteReport(CommandContext context, RunDirectory run)
    {
        RunReport.Write([run], run.ReportPath);
        context.Output.WriteLine($"report: {run.ReportPath}");
    }

    private static Trainer Open(Func<TrainerCallbacks, Trainer> open, TrainerCallbacks callbacks)
    {
        try
        {
            return open(callbacks);
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw UsageException.From(error);
        }
    }
}
