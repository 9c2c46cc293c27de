// The loss of one batch as a sum over its target tokens, so that batches of different sizes (and gradient
// accumulation over several of them) combine exactly: mean = Σ sums / Σ token counts.
namespace Ramp.Training.Models;

/// <summary>Summed loss over the counted (non-padding) target tokens of a batch.</summary>
/// <param name="Sum">Sum of the per-token loss: label-smoothed in training, plain negative log-likelihood in evaluation.</param>
/// <param name="TokenCount">Target tokens counted (padding excluded).</param>
public readonly record struct BatchLoss(double Sum, int TokenCount)
{
    /// <summary>Sum of the per-token negative log-likelihood without smoothing (equal to <see cref="Sum"/> in evaluation).</summary>
    public double NegativeLogLikelihoodSum { get; init; }

    /// <summary>The mean per-token loss, <see cref="Sum"/> / <see cref="TokenCount"/> (0 for no tokens).</summary>
    public double Mean => TokenCount == 0 ? 0 : Sum / TokenCount;
}
