// One encoder or decoder layer as a sequence of residual sublayers:
//   encoder layer   self-attention, feed-forward
//   decoder layer   causal self-attention, [cross-attention over the encoder output], feed-forward
// (a decoder-only model's layers have no cross-attention). Backward runs the sublayers in reverse.
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>The sublayers of one layer and the order they run in.</summary>
internal sealed class TransformerLayer
{
    private readonly ResidualSublayer _selfAttentionResidual;
    private readonly AttentionBranch _selfAttention;
    private readonly ResidualSublayer? _crossAttentionResidual;
    private readonly AttentionBranch? _crossAttention;
    private readonly ResidualSublayer _feedForwardResidual;
    private readonly FeedForwardBranch _feedForward;

    public TransformerLayer(TransformerShape shape, LayerParameters parameters, bool causal)
    {
        var c = shape.Channels;
        _selfAttentionResidual = new ResidualSublayer(shape.Norm, parameters.SelfAttentionNorm, c, shape.Dropout);
        _selfAttention = new AttentionBranch(parameters.SelfAttention, c, shape.HeadCount, shape.AttentionDropout, causal);
        if (parameters.CrossAttention is { } cross)
        {
            _crossAttentionResidual = new ResidualSublayer(shape.Norm, parameters.CrossAttentionNorm, c, shape.Dropout);
            _crossAttention = new AttentionBranch(cross, c, shape.HeadCount, shape.AttentionDropout, causal: false);
        }

        _feedForwardResidual = new ResidualSublayer(shape.Norm, parameters.FeedForwardNorm, c, shape.Dropout);
        _feedForward = new FeedForwardBranch(parameters.FeedForward, c, shape.FeedForwardChannels, shape.Activation);
    }

    // Runs the layer on the residual stream x (B, T, C); returns the new stream.
    // keyLengths: Valid keys per row for self-attention (B), or empty.
    // memory: Encoder output (B, S, C) for cross-attention; empty for layers without it.
    // memoryLengths: Valid encoder positions per row (B).
    public FloatSlice Forward(StepContext context, FloatSlice x, int batchSize, int length, int[] keyLengths, FloatSlice memory, int memoryLength, int[] memoryLengths)
    {
        var rows = batchSize * length;
        var input = _selfAttentionResidual.Begin(context, x, rows);
        var branch = _selfAttention.Forward(context, input, input, keyLengths, batchSize, length, length);
        x = _selfAttentionResidual.End(context, x, branch);

        if (_crossAttention is not null)
        {
            input = _crossAttentionResidual!.Begin(context, x, rows);
            branch = _crossAttention.Forward(context, input, memory, memoryLengths, batchSize, length, memoryLength);
            x = _crossAttentionResidual.End(context, x, branch);
        }

        input = _feedForwardResidual.Begin(context, x, rows);
        branch = _feedForward.Forward(context, input, rows);
        return _feedForwardResidual.End(context, x, branch);
    }

    // Given the gradient of the layer output (B, T, C), returns the gradient of its input.
    // outputGradient: Gradient of the output; may be reused as the returned buffer.
    // memoryGradient: Gradient of the encoder output (B, S, C), accumulated; empty without cross-attention.
    public FloatSlice Backward(StepContext context, FloatSlice outputGradient, FloatSlice memoryGradient)
    {
        var gradient = outputGradient;
        var branchGradient = _feedForwardResidual.EndBackward(context, gradient, out var inputGradient, out var fresh);
        _feedForward.Backward(context, branchGradient, inputGradient, fresh);
        gradient = _feedForwardResidual.BeginBackward(context, gradient, inputGradient);

        if (_crossAttention is not null)
        {
            branchGradient = _crossAttentionResidual!.EndBackward(context, gradient, out inputGradient, out fresh);
            _crossAttention.Backward(context, branchGradient, inputGradient, fresh, memoryGradient);
            gradient = _crossAttentionResidual.BeginBackward(context, gradient, inputGradient);
        }

        branchGradient = _selfAttentionResidual.EndBackward(context, gradient, out inputGradient, out fresh);
        _selfAttention.Backward(context, branchGradient, inputGradient, fresh, inputGradient);
        return _selfAttentionResidual.BeginBackward(context, gradient, inputGradient);
    }
}
