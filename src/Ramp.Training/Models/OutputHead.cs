// The output of the decoder: logits = h · Wᵀ over the target vocabulary (W is the output projection, or the
// target rows of the decoder embedding when tied; no bias), then the fused softmax cross-entropy with label
// smoothing and padding ignored, one row per call across the worker threads. Training computes the gradient
// of the SUM of the per-token losses (CrossEntropy normalizes by the counted rows of a call, and a call of
// one row counts 1 or 0), written over the logits. Per-row losses are summed in row order afterwards, so the
// total does not depend on the thread count.
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Layers;
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Models;

/// <summary>Output projection and loss, with the activations backward needs.</summary>
internal sealed class OutputHead(ParameterRange projection, int channels, int classCount)
{
    private const int RowChunk = 8;

    private readonly LossJob _job = new();
    private FloatSlice _input;   // (N, C)
    private FloatSlice _logits;  // (N, V); holds the logits' gradient after Loss with a gradient
    private int _rows;

    // The logits (N, V) of the hidden states (N, C), freshly allocated.
    public FloatSlice Logits(StepContext context, FloatSlice hidden, int rows)
    {
        _input = hidden;
        _rows = rows;
        _logits = context.Allocate(rows * classCount);
        Projections.Forward(context, hidden, projection, default, rows, channels, classCount, _logits);
        return _logits;
    }

    // The summed loss over targets (N) (PAD rows ignored); with a gradient, the gradient of that sum replaces the logits.
    public BatchLoss Loss(StepContext context, int[] targets, float labelSmoothing, bool withGradient)
    {
        var job = _job;
        if (job.Losses.Length < _rows)
        {
            job.Losses = new double[_rows];
            job.Likelihoods = new double[_rows];
            job.Counts = new int[_rows];
        }

        (job.Logits, job.Targets, job.ClassCount, job.LabelSmoothing, job.WithGradient) = (_logits, targets, classCount, labelSmoothing, withGradient);
        context.Ops.Pool.Run(job, _rows, RowChunk);
        double sum = 0;
        double likelihood = 0;
        var count = 0;
        for (var n = 0; n < _rows; n++)
        {
            sum += job.Losses[n];
            likelihood += job.Likelihoods[n];
            count += job.Counts[n];
        }

        return new BatchLoss(sum, count) { NegativeLogLikelihoodSum = likelihood };
    }

    // Returns the gradient of the hidden states (N, C) and adds that of the projection.
    public FloatSlice Backward(StepContext context)
    {
        var hiddenGradient = context.Allocate(_rows * channels);
        Projections.Backward(context, _logits, _input, projection, default, _rows, channels, classCount, hiddenGradient, overwrite: true);
        return hiddenGradient;
    }

    private sealed class LossJob : IRangeJob
    {
        public FloatSlice Logits;
        public int[] Targets = [];
        public int ClassCount;
        public float LabelSmoothing;
        public bool WithGradient;
        public double[] Losses = [];
        public double[] Likelihoods = [];
        public int[] Counts = [];

        public void Run(int start, int end, int worker)
        {
            var logits = Logits.Span;
            for (var n = start; n < end; n++)
            {
                var row = logits.Slice(n * ClassCount, ClassCount);
                var result = CrossEntropy.ForwardBackward(
                    row, Targets.AsSpan(n, 1), 1, ClassCount, LabelSmoothing, SpecialTokens.PadId, WithGradient ? row : default);
                Likelihoods[n] = result.NegativeLogLikelihoodSum;
                Losses[n] = LabelSmoothing == 0f ? result.NegativeLogLikelihoodSum : (double)result.Loss * result.TargetCount;
                Counts[n] = result.TargetCount;
            }
        }
    }
}
