// One stack (encoder or decoder): token embedding times sqrt(d_model), plus positions, dropout, the layers,
// and for Pre-LN the final layer norm. The token ids are read in place from the batch (or the model's
// packing buffer) and kept until backward.
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Layers;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>Embeddings, layers and final norm of one stack, with the activations backward needs.</summary>
internal sealed class TransformerStack
{
    private readonly TransformerShape _shape;
    private readonly StackParameters _parameters;
    private readonly NativeFloatBlock? _sinusoids;
    private readonly TransformerLayer[] _layers;
    private readonly int _vocabularyRows;
    private ReadOnlyMemory<int> _tokens;
    private FloatSlice _embeddingMask;   // (B, T, C) or empty
    private FloatSlice _finalInput;      // (B, T, C) Pre-LN: input of the final norm
    private FloatSlice _finalMean;       // (B * T)
    private FloatSlice _finalReciprocalStandardDeviation; // (B * T)
    private int _batchSize;
    private int _length;

    // sinusoids: The fixed position table (P, C), or null for learned positions.
    public TransformerStack(TransformerShape shape, StackParameters parameters, int vocabularyRows, NativeFloatBlock? sinusoids, bool causal)
    {
        _shape = shape;
        _parameters = parameters;
        _sinusoids = sinusoids;
        _vocabularyRows = vocabularyRows;
        _layers = [.. parameters.Layers.Select(layer => new TransformerLayer(shape, layer, causal))];
    }

    // Runs the stack; returns its output (B, T, C).
    // tokens: Token ids (B, T), rows of this stack's embedding table; kept until backward.
    // keyLengths: Valid keys per row for self-attention (B), or empty.
    // memory: Encoder output (B, S, C) for a decoder with cross-attention; otherwise empty.
    // memoryLengths: Valid encoder positions per row (B).
    public FloatSlice Forward(
        StepContext context, ReadOnlyMemory<int> tokens, int batchSize, int length, int[] keyLengths,
        FloatSlice memory, int memoryLength, int[] memoryLengths)
    {
        var c = _shape.Channels;
        var rows = batchSize * length;
        _tokens = tokens;
        _batchSize = batchSize;
        _length = length;

        var x = context.Allocate(rows * c);
        Embedding.Forward(
            tokens.Span, context.Parameter(_parameters.TokenEmbedding).Span, rows, _vocabularyRows, c,
            Embedding.TransformerScale(c), x.Span);
        Positions.Forward(x.Span, PositionTable(context), batchSize, length, c, x.Span);
        _embeddingMask = context.DropoutMask(_shape.Dropout, rows * c);
        if (_embeddingMask.Length > 0)
        {
            context.Ops.Multiply(x, _embeddingMask, x);
        }

        foreach (var layer in _layers)
        {
            x = layer.Forward(context, x, batchSize, length, keyLengths, memory, memoryLength, memoryLengths);
        }

        if (_shape.Norm == NormPlacement.PostNorm)
        {
            return x;
        }

        _finalInput = x;
        var output = context.Allocate(rows * c);
        _finalMean = context.Allocate(rows);
        _finalReciprocalStandardDeviation = context.Allocate(rows);
        context.Ops.NormForward(
            x, context.Parameter(_parameters.FinalNorm.Weight), context.Parameter(_parameters.FinalNorm.Bias),
            rows, c, output, _finalMean, _finalReciprocalStandardDeviation);
        return output;
    }

    // Adds the gradients of every parameter of the stack, given the gradient of its output.
    // outputGradient: Gradient of the output (B, T, C); its memory is reused.
    // memoryGradient: Gradient of the encoder output (B, S, C), accumulated; empty without cross-attention.
    public void Backward(StepContext context, FloatSlice outputGradient, FloatSlice memoryGradient)
    {
        var c = _shape.Channels;
        var rows = _batchSize * _length;
        var gradient = outputGradient;
        if (_shape.Norm == NormPlacement.PreNorm)
        {
            gradient = context.Allocate(rows * c);
            context.Ops.NormBackward(
                context, outputGradient, _finalInput, context.Parameter(_parameters.FinalNorm.Weight),
                _finalMean, _finalReciprocalStandardDeviation, rows, c,
                gradient, overwrite: true, context.Gradient(_parameters.FinalNorm.Weight), context.Gradient(_parameters.FinalNorm.Bias));
        }

        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            gradient = _layers[i].Backward(context, gradient, memoryGradient);
        }

        if (_embeddingMask.Length > 0)
        {
            context.Ops.Multiply(gradient, _embeddingMask, gradient);
        }

        if (_shape.Positions == PositionEncoding.Learned)
        {
            Positions.Backward(gradient.Span, _batchSize, _length, c, default, context.Gradient(_parameters.PositionEmbedding).Span);
        }

        Embedding.Backward(
            gradient.Span, _tokens.Span, rows, _vocabularyRows, c, Embedding.TransformerScale(c), SpecialTokens.PadId,
            context.Gradient(_parameters.TokenEmbedding).Span);
    }

    private ReadOnlySpan<float> PositionTable(StepContext context)
        => _sinusoids is null ? context.Parameter(_parameters.PositionEmbedding).Span : _sinusoids.Span;
}
