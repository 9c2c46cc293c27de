// A feed-forward sublayer's branch: fc2(activation(fc1(x))), fc1 (d_ff, C) and fc2 (C, d_ff), ReLU or exact
// GELU between. No dropout inside the branch (fairseq's activation_dropout 0); the residual dropout follows it.
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>The two projections and activation of one feed-forward sublayer, with the activations backward needs.</summary>
internal sealed class FeedForwardBranch(FeedForwardParameters parameters, int channels, int hiddenChannels, FeedForwardActivation activation)
{
    private FloatSlice _input;      // (N, C)
    private FloatSlice _hidden;     // (N, F) fc1 output, before the activation (GELU needs it)
    private FloatSlice _activated;  // (N, F)
    private int _rows;

    // Runs the branch on input (N, C), kept until backward; returns its output (N, C), freshly allocated.
    public FloatSlice Forward(StepContext context, FloatSlice input, int rows)
    {
        _input = input;
        _rows = rows;
        _hidden = context.Allocate(rows * hiddenChannels);
        Projections.Forward(context, input, parameters.InputWeight, parameters.InputBias, rows, channels, hiddenChannels, _hidden);

        // ReLU's backward needs only its output, so it runs in place.
        _activated = activation == FeedForwardActivation.Relu ? _hidden : context.Allocate(rows * hiddenChannels);
        context.Ops.Activate(activation, _hidden, _activated);

        var output = context.Allocate(rows * channels);
        Projections.Forward(context, _activated, parameters.OutputWeight, parameters.OutputBias, rows, hiddenChannels, channels, output);
        return output;
    }

    // Given the gradient of the output (N, C), writes (inputIsFresh) or adds the gradient of the input (N, C)
    // and adds the parameter gradients.
    public void Backward(StepContext context, FloatSlice outputGradient, FloatSlice inputGradient, bool inputIsFresh)
    {
        var activatedGradient = context.Allocate(_rows * hiddenChannels);
        Projections.Backward(
            context, outputGradient, _activated, parameters.OutputWeight, parameters.OutputBias, _rows, hiddenChannels, channels,
            activatedGradient, overwrite: true);

        var hiddenGradient = context.Allocate(_rows * hiddenChannels);
        context.Ops.ActivationBackward(activation, activatedGradient, activation == FeedForwardActivation.Relu ? _activated : _hidden, hiddenGradient);

        Projections.Backward(
            context, hiddenGradient, _input, parameters.InputWeight, parameters.InputBias, _rows, channels, hiddenChannels,
            inputGradient, inputIsFresh);
    }
}
