// The output of the decoder: logits = h · Wᵀ over the target vocabulary (W is the output projection, or the
// target rows of the decoder embedding when tied; no bias), then the fused softmax cross-entropy with label
// smoothing and padding ignored. Training computes the gradient of the SUM of the per-token losses, one row
// at a time (CrossEntropy normalizes by the counted rows of a call, and a call of one row counts 1 or 0).
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Layers;
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Models;

/// <summary>Output projection and loss, with the activations backward needs.</summary>
internal sealed class OutputHead(ParameterRange projection, int channels, int classCount)
{
    private FloatSlice _input;   // (N, C)
    private FloatSlice _logits;  // (N, V); holds the logits' gradient after ForwardBackward
    private int _rows;

    // The logits (N, V) of the hidden states (N, C), freshly allocated.
    public FloatSlice Logits(StepContext context, FloatSlice hidden, int rows)
    {
        _input = hidden;
        _rows = rows;
        _logits = context.Allocate(rows * classCount);
        Linear.Forward(hidden.Span, context.Parameter(projection).Span, default, rows, channels, classCount, _logits.Span);
        return _logits;
    }

    // Computes the summed loss and leaves the gradient of that sum with respect to the logits in place.
    // targets: Target ids (N); PAD rows are ignored.
    public BatchLoss Loss(ReadOnlySpan<int> targets, float labelSmoothing, bool withGradient)
    {
        double sum = 0;
        double likelihood = 0;
        var count = 0;
        var logits = _logits.Span;
        for (var n = 0; n < _rows; n++)
        {
            var row = logits.Slice(n * classCount, classCount);
            var result = CrossEntropy.ForwardBackward(
                row, targets.Slice(n, 1), 1, classCount, labelSmoothing, SpecialTokens.PadId, withGradient ? row : default);
            sum += labelSmoothing == 0f ? result.NegativeLogLikelihoodSum : (double)result.Loss * result.TargetCount;
            likelihood += result.NegativeLogLikelihoodSum;
            count += result.TargetCount;
        }

        return new BatchLoss(sum, count) { NegativeLogLikelihoodSum = likelihood };
    }

    // Returns the gradient of the hidden states (N, C) and adds that of the projection.
    public FloatSlice Backward(StepContext context)
    {
        var hiddenGradient = context.AllocateZeroed(_rows * channels);
        Linear.Backward(
            _logits.Span, _input.Span, context.Parameter(projection).Span, _rows, channels, classCount,
            hiddenGradient.Span, context.Gradient(projection).Span, default);
        return hiddenGradient;
    }
}
