// The trainer's own counters, saved as trainer.json in every checkpoint beside the weights, optimizer and scheduler
// state. With them a resumed run continues bit for bit: the data stream restarts at DataPosition, dropout draws
// continue from DropoutRandom, and the loss accumulated since the last metrics line is carried over.
using Ramp.Training.Data.Batching;
using Ramp.Training.Randomness;

namespace Ramp.Training.Training;

/// <summary>Counters of a training run at an update boundary.</summary>
public sealed record TrainerState
{
    /// <summary>Optimizer updates done.</summary>
    public long Step { get; init; }

    /// <summary>Seconds of training so far, excluding time the run was stopped.</summary>
    public double Elapsed { get; init; }

    /// <summary>The next batch of the training stream.</summary>
    public DataPosition Position { get; init; }

    /// <summary>The batcher's fingerprint when the state was saved; a resume with other data or batching is refused.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>The dropout generator.</summary>
    public RandomGeneratorState DropoutRandom { get; init; }

    /// <summary>The lowest validation loss so far (positive infinity before the first evaluation).</summary>
    public double BestValidationLoss { get; init; } = double.PositiveInfinity;

    /// <summary>The step of the best validation loss.</summary>
    public long BestStep { get; init; }

    /// <summary>Evaluations since the validation loss last improved.</summary>
    public int EvaluationsWithoutImprovement { get; init; }

    /// <summary>Updates skipped so far because the loss or the gradient norm was not finite.</summary>
    public long Skipped { get; init; }

    /// <summary>Skipped updates in a row, up to the last one.</summary>
    public int ConsecutiveNonFinite { get; init; }

    /// <summary>Summed training negative log-likelihood since the last metrics line.</summary>
    public double LogLossSum { get; init; }

    /// <summary>Target tokens since the last metrics line.</summary>
    public long LogTokens { get; init; }
}
