// The lines of a run's metrics.jsonl: one per logged training step and one per evaluation, told apart by
// their "kind". Field names are snake_case; absent optional values are left out of the line.
using System.Text.Json.Serialization;

namespace Ramp.Training.Training;

/// <summary>One line of <c>metrics.jsonl</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StepRecord), "step")]
[JsonDerivedType(typeof(EvaluationRecord), "eval")]
public abstract record MetricRecord
{
    /// <summary>The optimizer step the line describes (updates done so far).</summary>
    public long Step { get; init; }

    /// <summary>Seconds since the run began, excluding time spent while it was stopped.</summary>
    public double Elapsed { get; init; }
}

/// <summary>A logged training step.</summary>
public sealed record StepRecord : MetricRecord
{
    /// <summary>The learning rate of each parameter group at this step.</summary>
    public IReadOnlyList<double> Lr { get; init; } = [];

    /// <summary>Mean training loss over the steps since the previous line.</summary>
    public double Loss { get; init; }

    /// <summary>Global gradient norm before clipping, at this step.</summary>
    public double GradNorm { get; init; }

    /// <summary>Target tokens processed per second since the previous line.</summary>
    public double TokensPerSecond { get; init; }

    /// <summary>Updates skipped so far because the loss or a gradient was not finite.</summary>
    public long Skipped { get; init; }
}

/// <summary>An evaluation on the validation set.</summary>
public sealed record EvaluationRecord : MetricRecord
{
    /// <summary>Validation loss (label smoothing off).</summary>
    public double ValLoss { get; init; }

    /// <summary>Validation perplexity, exp(val_loss).</summary>
    public double ValPerplexity { get; init; }

    /// <summary>Validation BLEU (sacreBLEU zh tokenization), if decoded.</summary>
    public double? Bleu { get; init; }

    /// <summary>A few translations of validation sentences: source, reference, hypothesis.</summary>
    public IReadOnlyList<SampleTranslation> Samples { get; init; } = [];
}

/// <summary>One sample translation.</summary>
/// <param name="Source">The English source.</param>
/// <param name="Reference">The reference translation.</param>
/// <param name="Hypothesis">The model's translation.</param>
public sealed record SampleTranslation(string Source, string Reference, string Hypothesis);
