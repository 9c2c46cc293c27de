// The linear projections of the model, y = x·Wᵀ + b (Layers/Linear, weight (out, in)), with two additions:
// the input gradient can be OVERWRITTEN by a GEMM with beta 0 when its buffer is fresh, which spares clearing
// it first and GEMM reading it back; and the bias (its add, its gradient's column sums) runs across the
// worker threads, since Linear does it on the calling thread while GEMM uses all of them.
using Ramp.Training.Kernels;
using Ramp.Training.Layers;
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Models;

/// <summary>Forward and backward of a projection whose weight and bias are ranges of the parameter block.</summary>
internal static class Projections
{
    /// <summary>output (N, out) = input (N, in) · Wᵀ + b; a default bias range means no bias.</summary>
    public static void Forward(StepContext context, FloatSlice input, ParameterRange weight, ParameterRange bias, int rows, int inputs, int outputs, FloatSlice output)
    {
        Linear.Forward(input.Span, context.Parameter(weight).Span, default, rows, inputs, outputs, output.Span);
        if (bias.Length > 0)
        {
            context.Ops.AddBias(output, context.Parameter(bias), rows);
        }
    }

    /// <summary>
    /// inputGradient (N, in) = (or +=, unless <paramref name="overwrite"/>) outputGradient · W, and adds
    /// outputGradientᵀ · input to the weight gradient and the column sums of outputGradient to the bias gradient.
    /// </summary>
    public static unsafe void Backward(
        StepContext context, FloatSlice outputGradient, FloatSlice input, ParameterRange weight, ParameterRange bias,
        int rows, int inputs, int outputs, FloatSlice inputGradient, bool overwrite)
    {
        if (overwrite)
        {
            Gemm.Multiply(
                false, false, rows, inputs, outputs, outputGradient.Address, outputs, context.Parameter(weight).Address, inputs,
                inputGradient.Address, inputs);
        }

        Linear.Backward(
            outputGradient.Span, input.Span, context.Parameter(weight).Span, rows, inputs, outputs,
            overwrite ? default : inputGradient.Span, context.Gradient(weight).Span, default);
        if (bias.Length > 0)
        {
            context.Ops.AddColumnSums(context, outputGradient, rows, context.Gradient(bias));
        }
    }
}
