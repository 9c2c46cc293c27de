// A trained model read back from a run directory for evaluation and translation: the run's config, its
// tokenizers and the weights of its best checkpoint (lowest validation loss) or its latest one.
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Models;

namespace Ramp.Training.Training;

/// <summary>A run's model with its tokenizers, loaded from a checkpoint.</summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(RunDirectory run, TrainingConfig config, TransformerModel model, ITokenizer source, ITokenizer target, string checkpoint, TrainerState state)
    {
        Run = run;
        Config = config;
        Model = model;
        SourceTokenizer = source;
        TargetTokenizer = target;
        CheckpointPath = checkpoint;
        State = state;
    }

    /// <summary>The run directory.</summary>
    public RunDirectory Run { get; }

    /// <summary>The run's config.</summary>
    public TrainingConfig Config { get; }

    /// <summary>The model with the checkpoint's weights.</summary>
    public TransformerModel Model { get; }

    /// <summary>The English tokenizer.</summary>
    public ITokenizer SourceTokenizer { get; }

    /// <summary>The target tokenizer.</summary>
    public ITokenizer TargetTokenizer { get; }

    /// <summary>The checkpoint folder the weights came from.</summary>
    public string CheckpointPath { get; }

    /// <summary>The trainer state saved with the checkpoint (its step, best validation loss).</summary>
    public TrainerState State { get; }

    /// <summary>Loads the best checkpoint of a run (or its latest, when <paramref name="latest"/> is set or it has no best).</summary>
    /// <exception cref="ArgumentException">The directory is not a run or has no checkpoint.</exception>
    public static TrainedModel Load(string runPath, bool latest = false)
    {
        var run = new RunDirectory(runPath);
        var config = run.ReadConfig();
        var checkpoint = (latest ? Checkpoints.Latest(run) : Checkpoints.BestOrLatest(run))
            ?? throw new ArgumentException($"'{run.Path}' has no checkpoint yet; train it first (ramp train --resume {runPath})");
        var (source, target) = TrainingData.LoadTokenizers(run);
        var model = new TransformerModel(config.Model, source.VocabularySize, target.VocabularySize, config.Training.Seed);
        try
        {
            model.LoadWeights(Path.Combine(checkpoint, Checkpoints.WeightsFile));
            return new TrainedModel(run, config, model, source, target, checkpoint, Checkpoints.ReadState(checkpoint));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Frees the model's memory.</summary>
    public void Dispose() => Model.Dispose();
}
