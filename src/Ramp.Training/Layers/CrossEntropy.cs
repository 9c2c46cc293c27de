// Softmax + cross-entropy over logits, fused, with the semantics of PyTorch 1.13's
// nn.CrossEntropyLoss(ignore_index=i, label_smoothing=ε, reduction='mean') for class-index targets:
//     loss_n = (1 - ε)·(-log p_n[y_n]) + ε · mean_c(-log p_n[c]),   p_n = softmax(logits_n)
//     loss   = sum of loss_n over rows whose target is not ignored / number of such rows
// and d loss / d logits_n = (p_n - q_n) / count with q_n = (1 - ε)·onehot(y_n) + ε / V (zero for ignored rows).
// Unlike the other operations, this one WRITES (not adds) the logits gradient: it starts the backward
// pass, and writing lets the gradient reuse the logits' memory (the (N, V) block is the largest activation).
// When every row is ignored the loss is 0 with a zero gradient (PyTorch returns NaN).
using System.Numerics.Tensors;

namespace Ramp.Training.Layers;

/// <summary>The outcome of <see cref="CrossEntropy.ForwardBackward"/>.</summary>
/// <param name="Loss">The (label-smoothed) mean loss over counted rows: what is optimized, PyTorch's value.</param>
/// <param name="NegativeLogLikelihoodSum">Sum over counted rows of -log p[target] without smoothing, for perplexity.</param>
/// <param name="TargetCount">Rows whose target is not the ignore index.</param>
public readonly record struct CrossEntropyResult(float Loss, double NegativeLogLikelihoodSum, int TargetCount);

/// <summary>Fused softmax and cross-entropy with label smoothing and an ignored (padding) target.</summary>
public static class CrossEntropy
{
    /// <summary>Computes the loss and, when a gradient span is given, writes the gradient of the logits.</summary>
    /// <param name="logits">Unnormalized scores (N, V).</param>
    /// <param name="targets">Target class per row (N), in [0, V) or equal to <paramref name="ignoreIndex"/>.</param>
    /// <param name="rowCount">N (B * T).</param>
    /// <param name="classCount">V.</param>
    /// <param name="labelSmoothing">ε in [0, 1]; 0 is plain cross-entropy.</param>
    /// <param name="ignoreIndex">Target value of rows that do not count (padding), e.g. PyTorch's default -100.</param>
    /// <param name="logitsGradient">Gradient of the mean loss with respect to the logits (N, V), OVERWRITTEN; may be
    /// the same memory as <paramref name="logits"/>; empty to compute the loss only.</param>
    /// <returns>The loss, the unsmoothed negative log-likelihood sum and the number of counted rows.</returns>
    /// <exception cref="ArgumentException">A span does not match its shape, a target is out of range, or ε is outside [0, 1].</exception>
    public static CrossEntropyResult ForwardBackward(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> targets,
        int rowCount, int classCount, float labelSmoothing, int ignoreIndex,
        Span<float> logitsGradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(classCount);
        Shapes.Length(logits, (long)rowCount * classCount);
        Shapes.Length(targets, rowCount);
        Shapes.LengthOrEmpty(logitsGradient, (long)rowCount * classCount);
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1].");
        }

        var count = 0;
        foreach (var target in targets)
        {
            if (target == ignoreIndex)
            {
                continue;
            }

            if ((uint)target >= (uint)classCount)
            {
                throw new ArgumentException($"Target {target} is outside [0, {classCount}) and is not the ignore index {ignoreIndex}.", nameof(targets));
            }

            count++;
        }

        double smoothedSum = 0;
        double likelihoodSum = 0;
        var rowScale = count == 0 ? 0f : 1f / count;
        for (var n = 0; n < rowCount; n++)
        {
            var row = logits.Slice(n * classCount, classCount);
            var gradient = logitsGradient.IsEmpty ? default : logitsGradient.Slice(n * classCount, classCount);
            var target = targets[n];
            if (target == ignoreIndex)
            {
                gradient.Clear();
                continue;
            }

            // log p[c] = x[c] - max - log(sum), so sum_c log p[c] = sum_c x[c] - V·(max + log(sum)).
            var max = TensorPrimitives.Max(row);
            var rowSum = TensorPrimitives.Sum(row);
            var targetLogit = row[target];
            float exponentialSum;
            if (gradient.IsEmpty)
            {
                exponentialSum = VectorMath.ExpShiftedSum(row, max);
            }
            else
            {
                exponentialSum = VectorMath.ExpShiftedSum(row, max, gradient);
            }

            var logNormalizer = (double)max + Math.Log(exponentialSum);
            var likelihood = logNormalizer - targetLogit;
            var uniform = logNormalizer - ((double)rowSum / classCount);
            likelihoodSum += likelihood;
            smoothedSum += ((1.0 - labelSmoothing) * likelihood) + (labelSmoothing * uniform);

            if (!gradient.IsEmpty)
            {
                // gradient holds exp(x - max): (p - q) / count = exp·(1/(sum·count)) - ε/(V·count), minus (1-ε)/count at y.
                TensorPrimitives.Multiply(gradient, rowScale / exponentialSum, gradient);
                if (labelSmoothing != 0f)
                {
                    TensorPrimitives.Add(gradient, -labelSmoothing * rowScale / classCount, gradient);
                }

                gradient[target] -= (1f - labelSmoothing) * rowScale;
            }
        }

        var loss = count == 0 ? 0f : (float)(smoothedSum / count);
        return new CrossEntropyResult(loss, likelihoodSum, count);
    }
}
