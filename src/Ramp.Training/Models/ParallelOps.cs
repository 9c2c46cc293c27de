// The row-wise and element-wise operations of a training step, split across the WorkerPool. Each runs a
// Layers operation (or a fused pair of element-wise ones) on chunks of rows or elements; chunk boundaries
// are fixed, not derived from the thread count, and the one reduction (layer-norm gain and shift gradients
// over rows) sums fixed blocks in order, so results are the same for any number of threads.
// Each job object is allocated once; a call sets its fields and runs it, so no call allocates.
using Ramp.Training.Layers;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>Parallel element-wise passes and layer norm over the rows of (N, C) activations.</summary>
internal sealed class ParallelOps(WorkerPool pool)
{
    private const int ElementChunk = 1 << 14;
    private const int NormRowBlock = 32;

    private readonly ElementwiseJob _elementwise = new();
    private readonly NormForwardJob _normForward = new();
    private readonly NormBackwardJob _normBackward = new();
    private readonly BiasJob _bias = new();

    public WorkerPool Pool => pool;

    /// <summary>output = a + b·mask, or a + b when the mask is empty; output may be b.</summary>
    public void AddMasked(FloatSlice a, FloatSlice b, FloatSlice mask, FloatSlice output)
        => RunElementwise(ElementwiseKind.AddMasked, a, b, mask, output);

    /// <summary>output = a·mask; output may be a.</summary>
    public void Multiply(FloatSlice a, FloatSlice mask, FloatSlice output)
        => RunElementwise(ElementwiseKind.Multiply, a, default, mask, output);

    /// <summary>output = activation(input); ReLU may run in place.</summary>
    public void Activate(FeedForwardActivation activation, FloatSlice input, FloatSlice output)
        => RunElementwise(activation == FeedForwardActivation.Relu ? ElementwiseKind.Relu : ElementwiseKind.Gelu, input, default, default, output);

    /// <summary>inputGradient = outputGradient·activation'(x), OVERWRITTEN; for ReLU x may be the output.</summary>
    public void ActivationBackward(FeedForwardActivation activation, FloatSlice outputGradient, FloatSlice x, FloatSlice inputGradient)
        => RunElementwise(
            activation == FeedForwardActivation.Relu ? ElementwiseKind.ReluBackward : ElementwiseKind.GeluBackward,
            outputGradient, x, default, inputGradient);

    /// <summary>LayerNorm.Forward over the rows of input (N, C).</summary>
    public void NormForward(FloatSlice input, FloatSlice weight, FloatSlice bias, int rows, int channels, FloatSlice output, FloatSlice mean, FloatSlice reciprocalStandardDeviation)
    {
        var job = _normForward;
        (job.Input, job.Weight, job.Bias, job.Channels, job.Output, job.Mean, job.ReciprocalStandardDeviation) =
            (input, weight, bias, channels, output, mean, reciprocalStandardDeviation);
        pool.Run(job, rows, NormRowBlock);
    }

    /// <summary>
    /// LayerNorm.Backward over the rows: the input gradient (N, C) is overwritten or accumulated, the gain and
    /// shift gradients (C) accumulated from per-block partial sums (a (blocks, 2C) scratch from the arena).
    /// </summary>
    public void NormBackward(
        StepContext context, FloatSlice outputGradient, FloatSlice input, FloatSlice weight, FloatSlice mean, FloatSlice reciprocalStandardDeviation,
        int rows, int channels, FloatSlice inputGradient, bool overwrite, FloatSlice weightGradient, FloatSlice biasGradient)
    {
        var blocks = (rows + NormRowBlock - 1) / NormRowBlock;
        var job = _normBackward;
        (job.OutputGradient, job.Input, job.Weight, job.Mean, job.ReciprocalStandardDeviation, job.Channels, job.InputGradient, job.Overwrite) =
            (outputGradient, input, weight, mean, reciprocalStandardDeviation, channels, inputGradient, overwrite);
        job.Partials = context.Allocate(blocks * 2 * channels);
        pool.Run(job, rows, NormRowBlock);
        var weightSpan = weightGradient.Span;
        var biasSpan = biasGradient.Span;
        var partials = job.Partials.Span;
        for (var block = 0; block < blocks; block++)
        {
            var partial = partials.Slice(block * 2 * channels, 2 * channels);
            System.Numerics.Tensors.TensorPrimitives.Add(weightSpan, partial[..channels], weightSpan);
            System.Numerics.Tensors.TensorPrimitives.Add(biasSpan, partial[channels..], biasSpan);
        }
    }

    /// <summary>Adds the bias (O) to every row of output (N, O).</summary>
    public void AddBias(FloatSlice output, FloatSlice bias, int rows)
    {
        var job = _bias;
        (job.Backward, job.Matrix, job.Bias) = (false, output, bias);
        pool.Run(job, rows, NormRowBlock);
    }

    /// <summary>Adds the column sums of gradient (N, O) to the bias gradient (O), from per-block partial sums.</summary>
    public void AddColumnSums(StepContext context, FloatSlice gradient, int rows, FloatSlice biasGradient)
    {
        var columns = biasGradient.Length;
        var blocks = (rows + NormRowBlock - 1) / NormRowBlock;
        var job = _bias;
        (job.Backward, job.Matrix, job.Bias) = (true, gradient, biasGradient);
        job.Partials = context.Allocate(blocks * columns);
        pool.Run(job, rows, NormRowBlock);
        var sums = biasGradient.Span;
        for (var block = 0; block < blocks; block++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sums, job.Partials.Span.Slice(block * columns, columns), sums);
        }
    }

    private void RunElementwise(ElementwiseKind kind, FloatSlice a, FloatSlice b, FloatSlice mask, FloatSlice output)
    {
        var job = _elementwise;
        (job.Kind, job.A, job.B, job.Mask, job.Output) = (kind, a, b, mask, output);
        pool.Run(job, output.Length, ElementChunk);
    }

    private enum ElementwiseKind
    {
        AddMasked,
        Multiply,
        Relu,
        Gelu,
        ReluBackward,
        GeluBackward,
    }

    private sealed class ElementwiseJob : IRangeJob
    {
        public ElementwiseKind Kind;
        public FloatSlice A;
        public FloatSlice B;
        public FloatSlice Mask;
        public FloatSlice Output;

        public void Run(int start, int end, int worker)
        {
            var length = end - start;
            var a = A.Span.Slice(start, length);
            var output = Output.Span.Slice(start, length);
            switch (Kind)
            {
                case ElementwiseKind.AddMasked when Mask.Length > 0:
                    System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(B.Span.Slice(start, length), Mask.Span.Slice(start, length), a, output);
                    break;
                case ElementwiseKind.AddMasked:
                    Residual.Forward(a, B.Span.Slice(start, length), output);
                    break;
                case ElementwiseKind.Multiply:
                    Dropout.Forward(a, Mask.Span.Slice(start, length), output);
                    break;
                case ElementwiseKind.Relu:
                    Relu.Forward(a, output);
                    break;
                case ElementwiseKind.Gelu:
                    Gelu.Forward(a, GeluApproximation.None, output);
                    break;
                case ElementwiseKind.ReluBackward:
                    output.Clear();
                    Relu.Backward(a, B.Span.Slice(start, length), output);
                    break;
                case ElementwiseKind.GeluBackward:
                    output.Clear();
                    Gelu.Backward(a, B.Span.Slice(start, length), GeluApproximation.None, output);
                    break;
            }
        }
    }

    private sealed class BiasJob : IRangeJob
    {
        public bool Backward;
        public FloatSlice Matrix;
        public FloatSlice Bias;
        public FloatSlice Partials;

        // Forward: rows += bias. Backward: the block's partial = sum of its rows (chunks are the fixed row blocks).
        public void Run(int start, int end, int worker)
        {
            var columns = Bias.Length;
            var matrix = Matrix.Span;
            var target = Backward ? Partials.Span.Slice(start / NormRowBlock * columns, columns) : Bias.Span;
            if (Backward)
            {
                target.Clear();
            }

            for (var n = start; n < end; n++)
            {
                var row = matrix.Slice(n * columns, columns);
                if (Backward)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(target, row, target);
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(row, target, row);
                }
            }
        }
    }

    private sealed class NormForwardJob : IRangeJob
    {
        public FloatSlice Input;
        public FloatSlice Weight;
        public FloatSlice Bias;
        public int Channels;
        public FloatSlice Output;
        public FloatSlice Mean;
        public FloatSlice ReciprocalStandardDeviation;

        public void Run(int start, int end, int worker)
        {
            var rows = end - start;
            var c = Channels;
            LayerNorm.Forward(
                Input.Span.Slice(start * c, rows * c), Weight.Span, Bias.Span, rows, c,
                Output.Span.Slice(start * c, rows * c), Mean.Span.Slice(start, rows), ReciprocalStandardDeviation.Span.Slice(start, rows));
        }
    }

    private sealed class NormBackwardJob : IRangeJob
    {
        public FloatSlice OutputGradient;
        public FloatSlice Input;
        public FloatSlice Weight;
        public FloatSlice Mean;
        public FloatSlice ReciprocalStandardDeviation;
        public int Channels;
        public FloatSlice InputGradient;
        public bool Overwrite;
        public FloatSlice Partials;

        // Chunks are the fixed row blocks, so each writes its own partial sums.
        public void Run(int start, int end, int worker)
        {
            var rows = end - start;
            var c = Channels;
            var inputGradient = InputGradient.Span.Slice(start * c, rows * c);
            if (Overwrite)
            {
                inputGradient.Clear();
            }

            var partial = Partials.Span.Slice(start / NormRowBlock * 2 * c, 2 * c);
            partial.Clear();
            LayerNorm.Backward(
                OutputGradient.Span.Slice(start * c, rows * c), Input.Span.Slice(start * c, rows * c), Weight.Span,
                Mean.Span.Slice(start, rows), ReciprocalStandardDeviation.Span.Slice(start, rows), rows, c,
                inputGradient, partial[..c], partial[c..]);
        }
    }
}
