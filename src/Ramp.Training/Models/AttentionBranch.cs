// A multi-head attention sublayer's branch: query, key and value projections, scaled dot-product attention
// (Layers/Attention: masks, dropout on the weights) and the output projection. Self-attention reads keys
// from its own input; cross-attention reads them from the encoder output, whose gradient the decoder layers
// accumulate into one shared buffer.
using Ramp.Training.Layers;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>Projections and attention of one attention sublayer, with the activations backward needs.</summary>
internal sealed class AttentionBranch(AttentionParameters parameters, int channels, int headCount, float attentionDropout, bool causal)
{
    private FloatSlice _queryInput;  // (B, Tq, C)
    private FloatSlice _keyInput;    // (B, Tk, C)
    private FloatSlice _query;       // (B, Tq, C)
    private FloatSlice _key;         // (B, Tk, C)
    private FloatSlice _value;       // (B, Tk, C)
    private FloatSlice _weights;     // (B, nh, Tq, Tk)
    private FloatSlice _weightMask;  // (B, nh, Tq, Tk) or empty
    private FloatSlice _attended;    // (B, Tq, C)
    private int[] _keyLengths = [];
    private int _batchSize;
    private int _queryLength;
    private int _keyLength;

    // Runs the branch; returns its output (B, Tq, C), freshly allocated.
    // queryInput: Input of the query projection (B, Tq, C).
    // keyInput: Input of the key and value projections (B, Tk, C): the same slice for self-attention.
    // keyLengths: Valid keys per row (B), or empty for all; kept (not copied) until backward.
    public FloatSlice Forward(StepContext context, FloatSlice queryInput, FloatSlice keyInput, int[] keyLengths, int batchSize, int queryLength, int keyLength)
    {
        var c = channels;
        _queryInput = queryInput;
        _keyInput = keyInput;
        _keyLengths = keyLengths;
        _batchSize = batchSize;
        _queryLength = queryLength;
        _keyLength = keyLength;
        var queryRows = batchSize * queryLength;
        var keyRows = batchSize * keyLength;

        _query = Project(context, queryInput, queryRows, parameters.QueryWeight, parameters.QueryBias);
        _key = Project(context, keyInput, keyRows, parameters.KeyWeight, parameters.KeyBias);
        _value = Project(context, keyInput, keyRows, parameters.ValueWeight, parameters.ValueBias);

        var weightCount = batchSize * headCount * queryLength * keyLength;
        _weights = context.Allocate(weightCount);
        _weightMask = context.DropoutMask(attentionDropout, weightCount);
        _attended = context.Allocate(queryRows * c);
        var scratch = context.Allocate(Attention.ScratchLength(queryLength, keyLength));
        Attention.Forward(
            _query.Span, _key.Span, _value.Span, keyLengths, _weightMask.Span,
            batchSize, queryLength, keyLength, c, headCount, causal,
            _weights.Span, scratch.Span, _attended.Span);

        return Project(context, _attended, queryRows, parameters.OutputWeight, parameters.OutputBias);
    }

    // Adds the gradients of the inputs and parameters, given the gradient of the output.
    // outputGradient: Gradient of the branch output (B, Tq, C).
    // queryInputGradient: Gradient of the query input (B, Tq, C), accumulated.
    // keyInputGradient: Gradient of the key input (B, Tk, C), accumulated; the same slice for self-attention.
    public void Backward(StepContext context, FloatSlice outputGradient, FloatSlice queryInputGradient, FloatSlice keyInputGradient)
    {
        var c = channels;
        var queryRows = _batchSize * _queryLength;
        var keyRows = _batchSize * _keyLength;

        var attendedGradient = context.AllocateZeroed(queryRows * c);
        ProjectBackward(context, outputGradient, _attended, queryRows, parameters.OutputWeight, parameters.OutputBias, attendedGradient);

        var queryGradient = context.AllocateZeroed(queryRows * c);
        var keyGradient = context.AllocateZeroed(keyRows * c);
        var valueGradient = context.AllocateZeroed(keyRows * c);
        var scratch = context.Allocate(Attention.ScratchLength(_queryLength, _keyLength));
        Attention.Backward(
            attendedGradient.Span, _query.Span, _key.Span, _value.Span, _weights.Span, _keyLengths, _weightMask.Span,
            _batchSize, _queryLength, _keyLength, c, headCount, causal,
            scratch.Span, queryGradient.Span, keyGradient.Span, valueGradient.Span);

        ProjectBackward(context, queryGradient, _queryInput, queryRows, parameters.QueryWeight, parameters.QueryBias, queryInputGradient);
        ProjectBackward(context, keyGradient, _keyInput, keyRows, parameters.KeyWeight, parameters.KeyBias, keyInputGradient);
        ProjectBackward(context, valueGradient, _keyInput, keyRows, parameters.ValueWeight, parameters.ValueBias, keyInputGradient);
    }

    private FloatSlice Project(StepContext context, FloatSlice input, int rows, Optimizers.ParameterRange weight, Optimizers.ParameterRange bias)
    {
        var output = context.Allocate(rows * channels);
        Linear.Forward(input.Span, context.Parameter(weight).Span, context.Parameter(bias).Span, rows, channels, channels, output.Span);
        return output;
    }

    private void ProjectBackward(
        StepContext context, FloatSlice outputGradient, FloatSlice input, int rows,
        Optimizers.ParameterRange weight, Optimizers.ParameterRange bias, FloatSlice inputGradient)
        => Linear.Backward(
            outputGradient.Span, input.Span, context.Parameter(weight).Span, rows, channels, channels,
            inputGradient.Span, context.Gradient(weight).Span, context.Gradient(bias).Span);
}
