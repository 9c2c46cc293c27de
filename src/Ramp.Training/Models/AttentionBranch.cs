// A multi-head attention sublayer's branch: query, key and value projections, scaled dot-product attention
// (Layers/Attention, one batch row per thread: masks, dropout on the weights) and the output projection.
// Self-attention reads keys from its own input; cross-attention reads them from the encoder output, whose
// gradient the decoder layers accumulate into one shared buffer.
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;

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

    // Runs the branch on queryInput (B, Tq, C) and keyInput (B, Tk, C) (the same slice for self-attention),
    // with valid keys per row keyLengths (B) or empty for all (kept, not copied, until backward).
    // Returns the branch output (B, Tq, C), freshly allocated.
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
        context.Attention.Forward(
            context, _query, _key, _value, keyLengths, _weightMask,
            batchSize, queryLength, keyLength, c, headCount, causal, _weights, _attended);

        return Project(context, _attended, queryRows, parameters.OutputWeight, parameters.OutputBias);
    }

    // Given the gradient of the branch output (B, Tq, C), writes (queryInputIsFresh) or adds the gradient of
    // the query input (B, Tq, C), adds that of the key input (B, Tk, C; the same slice for self-attention)
    // and adds the parameter gradients.
    public void Backward(StepContext context, FloatSlice outputGradient, FloatSlice queryInputGradient, bool queryInputIsFresh, FloatSlice keyInputGradient)
    {
        var c = channels;
        var queryRows = _batchSize * _queryLength;
        var keyRows = _batchSize * _keyLength;

        var attendedGradient = context.Allocate(queryRows * c);
        ProjectBackward(context, outputGradient, _attended, queryRows, parameters.OutputWeight, parameters.OutputBias, attendedGradient, overwrite: true);

        var queryGradient = context.Allocate(queryRows * c);
        var keyGradient = context.Allocate(keyRows * c);
        var valueGradient = context.Allocate(keyRows * c);
        context.Attention.Backward(
            context, attendedGradient, _query, _key, _value, _weights, _keyLengths, _weightMask,
            _batchSize, _queryLength, _keyLength, c, headCount, causal, queryGradient, keyGradient, valueGradient);

        ProjectBackward(context, queryGradient, _queryInput, queryRows, parameters.QueryWeight, parameters.QueryBias, queryInputGradient, queryInputIsFresh);
        ProjectBackward(context, keyGradient, _keyInput, keyRows, parameters.KeyWeight, parameters.KeyBias, keyInputGradient, overwrite: false);
        ProjectBackward(context, valueGradient, _keyInput, keyRows, parameters.ValueWeight, parameters.ValueBias, keyInputGradient, overwrite: false);
    }

    private FloatSlice Project(StepContext context, FloatSlice input, int rows, ParameterRange weight, ParameterRange bias)
    {
        var output = context.Allocate(rows * channels);
        Projections.Forward(context, input, weight, bias, rows, channels, channels, output);
        return output;
    }

    private void ProjectBackward(
        StepContext context, FloatSlice outputGradient, FloatSlice input, int rows, ParameterRange weight, ParameterRange bias,
        FloatSlice inputGradient, bool overwrite)
        => Projections.Backward(context, outputGradient, input, weight, bias, rows, channels, channels, inputGradient, overwrite);
}
