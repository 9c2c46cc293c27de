// A feed-forward sublayer's branch: fc2(activation(fc1(x))), fc1 (d_ff, C) and fc2 (C, d_ff), ReLU or exact
// GELU between. No dropout inside the branch (fairseq's activation_dropout 0); the residual dropout follows it.
using Ramp.Training.Layers;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>The two projections and activation of one feed-forward sublayer, with the activations backward needs.</summary>
internal sealed class FeedForwardBranch(FeedForwardParameters parameters, int channels, int hiddenChannels, FeedForwardActivation activation)
{
    private FloatSlice _input;      // (N, C)
    private FloatSlice _hidden;     // (N, F) fc1 output, before the activation (GELU needs it)
    private FloatSlice _activated;  // (N, F)
    private int _rows;

    // Runs the branch; returns its output (N, C), freshly allocated.
    // input: Input (N, C), kept until backward.
    public FloatSlice Forward(StepContext context, FloatSlice input, int rows)
    {
        _input = input;
        _rows = rows;
        _hidden = context.Allocate(rows * hiddenChannels);
        Linear.Forward(
            input.Span, context.Parameter(parameters.InputWeight).Span, context.Parameter(parameters.InputBias).Span,
            rows, channels, hiddenChannels, _hidden.Span);
        if (activation == FeedForwardActivation.Relu)
        {
            // ReLU's backward needs only its output, so it runs in place.
            Relu.Forward(_hidden.Span, _hidden.Span);
            _activated = _hidden;
        }
        else
        {
            _activated = context.Allocate(rows * hiddenChannels);
            Gelu.Forward(_hidden.Span, GeluApproximation.None, _activated.Span);
        }

        var output = context.Allocate(rows * channels);
        Linear.Forward(
            _activated.Span, context.Parameter(parameters.OutputWeight).Span, context.Parameter(parameters.OutputBias).Span,
            rows, hiddenChannels, channels, output.Span);
        return output;
    }

    // Adds the gradients of the input and parameters, given the gradient of the output (N, C).
    // inputGradient: Gradient of the input (N, C), accumulated.
    public void Backward(StepContext context, FloatSlice outputGradient, FloatSlice inputGradient)
    {
        var activatedGradient = context.AllocateZeroed(_rows * hiddenChannels);
        Linear.Backward(
            outputGradient.Span, _activated.Span, context.Parameter(parameters.OutputWeight).Span, _rows, hiddenChannels, channels,
            activatedGradient.Span, context.Gradient(parameters.OutputWeight).Span, context.Gradient(parameters.OutputBias).Span);

        var hiddenGradient = context.AllocateZeroed(_rows * hiddenChannels);
        if (activation == FeedForwardActivation.Relu)
        {
            Relu.Backward(activatedGradient.Span, _activated.Span, hiddenGradient.Span);
        }
        else
        {
            Gelu.Backward(activatedGradient.Span, _hidden.Span, GeluApproximation.None, hiddenGradient.Span);
        }

        Linear.Backward(
            hiddenGradient.Span, _input.Span, context.Parameter(parameters.InputWeight).Span, _rows, channels, hiddenChannels,
            inputGradient.Span, context.Gradient(parameters.InputWeight).Span, context.Gradient(parameters.InputBias).Span);
    }
}
