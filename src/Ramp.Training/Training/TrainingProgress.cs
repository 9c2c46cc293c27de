// What the trainer tells its caller as it goes, for a live progress line and printed evaluations. The trainer
// itself writes nothing to the console; the run directory gets the metric lines.
namespace Ramp.Training.Training;

/// <summary>The state of a run after an update.</summary>
/// <param name="Step">Updates done.</param>
/// <param name="TotalSteps">Updates planned (estimated from the epoch length when training by epochs).</param>
/// <param name="Epoch">The epoch of the next batch, from 0.</param>
/// <param name="LearningRate">The first group's learning rate at this update.</param>
/// <param name="Loss">Training loss (per-token negative log-likelihood) of this update.</param>
/// <param name="TokensPerSecond">Target tokens per second since the run (or its resumption) began.</param>
/// <param name="Elapsed">Seconds of training so far.</param>
public sealed record TrainingProgress(long Step, long TotalSteps, int Epoch, double LearningRate, double Loss, double TokensPerSecond, double Elapsed)
{
    /// <summary>Seconds left at the current speed, or NaN before the speed is known.</summary>
    public double SecondsLeft { get; init; } = double.NaN;
}

/// <summary>Callbacks of a run; each is optional.</summary>
public sealed record TrainerCallbacks
{
    /// <summary>After every update (skipped ones included).</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <summary>After every logged step line.</summary>
    public Action<StepRecord>? Logged { get; init; }

    /// <summary>After every evaluation.</summary>
    public Action<EvaluationRecord>? Evaluated { get; init; }

    /// <summary>Notes: data sizes, checkpoints written, why the run stopped.</summary>
    public Action<string>? Message { get; init; }
}

/// <summary>How a run ended.</summary>
public enum TrainingStop
{
    /// <summary>training.steps or training.epochs were reached.</summary>
    Completed,

    /// <summary>training.early_stopping evaluations passed without a better validation loss.</summary>
    EarlyStopped,

    /// <summary>The caller cancelled; the last checkpoint lets the run resume.</summary>
    Cancelled,
}

/// <summary>The end of a run.</summary>
/// <param name="Stop">Why it ended.</param>
/// <param name="Step">Updates done.</param>
/// <param name="BestValidationLoss">The lowest validation loss seen (infinity when none was measured).</param>
/// <param name="LastEvaluation">The last evaluation, if any.</param>
/// <param name="Elapsed">Seconds of training, over all sessions of the run.</param>
public sealed record TrainingOutcome(TrainingStop Stop, long Step, double BestValidationLoss, EvaluationRecord? LastEvaluation, double Elapsed);

/// <summary>
/// Training stopped because too many updates in a row had a non-finite loss or gradient, an update made the parameters
/// non-finite, or the schedule gave a non-finite learning rate; the run's newest checkpoint holds the last good weights.
/// </summary>
public sealed class NonFiniteTrainingException : Exception
{
    /// <summary>Creates the error.</summary>
    public NonFiniteTrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a generic message.</summary>
    public NonFiniteTrainingException()
        : this("training stopped: too many non-finite updates in a row")
    {
    }

    /// <summary>Creates the error with an inner exception.</summary>
    public NonFiniteTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
