// Step-by-step decoding with cached keys and values. Rows are hypotheses (a source's greedy output, or one of
// its beams); every row advances one position per Step, all at the same position, and each row's self-
// attention keys and values of earlier positions stay in a cache (layers, rows, positions, C), so a step costs
// one position's projections plus attention over the cache instead of a pass over the whole prefix.
// Cross-attention keys and values of each source are projected once. Reorder moves rows (beam selection,
// dropping finished rows) by copying their caches. The sublayer order and norm placement repeat the training
// path (Models/TransformerLayer.cs); DecodingTests checks that both give the same logits.
using Ramp.Training.Layers;
using Ramp.Training.Memory;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Decoding;

/// <summary>The decoder state of a set of hypotheses, advanced one token at a time.</summary>
internal sealed class DecodingSession : IDisposable
{
    private readonly TransformerShape _shape;
    private readonly TransformerParameters _parameters;
    private readonly NativeFloatBlock _weights;
    private readonly NativeFloatBlock? _sinusoids;
    private readonly ActivationArena _scratch = new();
    private readonly int _rowCapacity;
    private readonly int _positionCapacity;
    private readonly NativeFloatBlock? _crossKeys;    // (layers, sources, S, C)
    private readonly NativeFloatBlock? _crossValues;  // (layers, sources, S, C)
    private readonly int[] _sourceLengths;
    private readonly int _sourceLength;
    private readonly int _sourceCount;
    private NativeFloatBlock _keys;                   // (layers, rows, positions, C)
    private NativeFloatBlock _values;
    private NativeFloatBlock _spareKeys;
    private NativeFloatBlock _spareValues;
    private int[] _rowSources;
    private int[] _spareRowSources;
    private FloatSlice _logits;

    // memory: encoder output (sources, S, C) for an encoder-decoder; empty for decoder-only.
    // sourceLengths: valid encoder positions per source (sources); for decoder-only only its length counts.
    public DecodingSession(
        TransformerShape shape, TransformerParameters parameters, NativeFloatBlock weights, NativeFloatBlock? sinusoids,
        int rowCapacity, int positionCapacity, FloatSlice memory, int[] sourceLengths, int sourceLength)
    {
        _shape = shape;
        _parameters = parameters;
        _weights = weights;
        _sinusoids = sinusoids;
        _rowCapacity = rowCapacity;
        _positionCapacity = positionCapacity;
        _sourceLengths = sourceLengths;
        _sourceLength = sourceLength;
        _sourceCount = sourceLengths.Length;
        var layers = shape.DecoderLayers;
        var cacheLength = checked(layers * rowCapacity * positionCapacity * shape.Channels);
        _keys = new NativeFloatBlock(cacheLength);
        _values = new NativeFloatBlock(cacheLength);
        _spareKeys = new NativeFloatBlock(cacheLength);
        _spareValues = new NativeFloatBlock(cacheLength);
        _rowSources = new int[rowCapacity];
        _spareRowSources = new int[rowCapacity];
        if (memory.Length > 0)
        {
            var c = shape.Channels;
            var rows = _sourceCount * sourceLength;
            _crossKeys = new NativeFloatBlock(layers * rows * c);
            _crossValues = new NativeFloatBlock(layers * rows * c);
            for (var l = 0; l < layers; l++)
            {
                var cross = parameters.Decoder.Layers[l].CrossAttention!;
                Project(memory, rows, cross.KeyWeight, cross.KeyBias, _crossKeys.Slice(l * rows * c, rows * c));
                Project(memory, rows, cross.ValueWeight, cross.ValueBias, _crossValues.Slice(l * rows * c, rows * c));
            }
        }
    }

    /// <summary>Rows (hypotheses) currently decoded.</summary>
    public int RowCount { get; private set; }

    /// <summary>Positions already in the cache: the position the next Step writes.</summary>
    public int Length { get; private set; }

    /// <summary>The source each row decodes.</summary>
    public ReadOnlySpan<int> RowSources => _rowSources.AsSpan(0, RowCount);

    /// <summary>Starts with one row per entry of <paramref name="rowSources"/>, nothing cached.</summary>
    public void Start(ReadOnlySpan<int> rowSources)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowSources.Length, _rowCapacity);
        rowSources.CopyTo(_rowSources);
        RowCount = rowSources.Length;
        Length = 0;
    }

    /// <summary>The target-vocabulary logits (V) of <paramref name="row"/> after the last Step.</summary>
    public ReadOnlySpan<float> Logits(int row) => _logits.Span.Slice(row * _shape.TargetVocabularySize, _shape.TargetVocabularySize);

    /// <summary>Feeds one token per row (decoder embedding rows) at position <see cref="Length"/> and computes the logits.</summary>
    public void Step(ReadOnlySpan<int> tokens)
    {
        if (Length >= _positionCapacity)
        {
            throw new InvalidOperationException($"The decoding cache holds {_positionCapacity} positions; all are used.");
        }

        _scratch.Reset();
        var c = _shape.Channels;
        var rows = RowCount;
        var x = _scratch.Allocate(rows * c);
        Embedding.Forward(
            tokens[..rows], Parameter(_parameters.Decoder.TokenEmbedding), rows, _shape.DecoderEmbeddingRows, c,
            Embedding.TransformerScale(c), x.Span);
        var positions = _sinusoids is null ? Parameter(_parameters.Decoder.PositionEmbedding) : _sinusoids.Span;
        for (var r = 0; r < rows; r++)
        {
            var row = x.Span.Slice(r * c, c);
            System.Numerics.Tensors.TensorPrimitives.Add(row, positions.Slice(Length * c, c), row);
        }

        for (var l = 0; l < _shape.DecoderLayers; l++)
        {
            var layer = _parameters.Decoder.Layers[l];
            x = Sublayer(x, rows, layer.SelfAttentionNorm, input => SelfAttention(l, layer.SelfAttention, input, rows));
            if (layer.CrossAttention is { } cross)
            {
                x = Sublayer(x, rows, layer.CrossAttentionNorm, input => CrossAttention(l, cross, input, rows));
            }

            x = Sublayer(x, rows, layer.FeedForwardNorm, input => FeedForward(layer.FeedForward, input, rows));
        }

        if (_shape.Norm == NormPlacement.PreNorm)
        {
            x = Normalize(x, rows, _parameters.Decoder.FinalNorm);
        }

        var v = _shape.TargetVocabularySize;
        _logits = _scratch.Allocate(rows * v);
        Linear.Forward(x.Span, Parameter(_parameters.OutputProjection), default, rows, c, v, _logits.Span);
        Length++;
    }

    /// <summary>Makes row r a copy of old row <paramref name="parents"/>[r] (cache and source); the row count becomes parents.Length.</summary>
    public void Reorder(ReadOnlySpan<int> parents)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parents.Length, _rowCapacity);
        var c = _shape.Channels;
        var rowLength = _positionCapacity * c;
        var used = Length * c;
        for (var l = 0; l < _shape.DecoderLayers; l++)
        {
            var layerOffset = l * _rowCapacity * rowLength;
            for (var r = 0; r < parents.Length; r++)
            {
                var from = layerOffset + (parents[r] * rowLength);
                var to = layerOffset + (r * rowLength);
                _keys.Span.Slice(from, used).CopyTo(_spareKeys.Span.Slice(to, used));
                _values.Span.Slice(from, used).CopyTo(_spareValues.Span.Slice(to, used));
            }
        }

        for (var r = 0; r < parents.Length; r++)
        {
            _spareRowSources[r] = _rowSources[parents[r]];
        }

        (_keys, _spareKeys) = (_spareKeys, _keys);
        (_values, _spareValues) = (_spareValues, _values);
        (_rowSources, _spareRowSources) = (_spareRowSources, _rowSources);
        RowCount = parents.Length;
    }

    public void Dispose()
    {
        _keys.Dispose();
        _values.Dispose();
        _spareKeys.Dispose();
        _spareValues.Dispose();
        _crossKeys?.Dispose();
        _crossValues?.Dispose();
        _scratch.Dispose();
    }

    // Post-LN: LN(x + branch(x)); Pre-LN: x + branch(LN(x)). Dropout is off in decoding.
    private FloatSlice Sublayer(FloatSlice x, int rows, NormParameters norm, Func<FloatSlice, FloatSlice> branch)
    {
        if (_shape.Norm == NormPlacement.PreNorm)
        {
            var output = branch(Normalize(x, rows, norm));
            Residual.Forward(x.Span, output.Span, output.Span);
            return output;
        }

        var sum = branch(x);
        Residual.Forward(x.Span, sum.Span, sum.Span);
        return Normalize(sum, rows, norm);
    }

    private FloatSlice SelfAttention(int layer, AttentionParameters attention, FloatSlice input, int rows)
    {
        var c = _shape.Channels;
        var query = Project(input, rows, attention.QueryWeight, attention.QueryBias);
        var key = Project(input, rows, attention.KeyWeight, attention.KeyBias);
        var value = Project(input, rows, attention.ValueWeight, attention.ValueBias);
        var rowLength = _positionCapacity * c;
        var keyLength = Length + 1;
        var attended = _scratch.Allocate(rows * c);
        var weights = _scratch.Allocate(_shape.HeadCount * keyLength);
        var scratch = _scratch.Allocate(Attention.ScratchLength(1, keyLength));
        for (var r = 0; r < rows; r++)
        {
            var offset = ((layer * _rowCapacity) + r) * rowLength;
            key.Span.Slice(r * c, c).CopyTo(_keys.Span.Slice(offset + (Length * c), c));
            value.Span.Slice(r * c, c).CopyTo(_values.Span.Slice(offset + (Length * c), c));
            Attention.Forward(
                query.Span.Slice(r * c, c), _keys.Span.Slice(offset, keyLength * c), _values.Span.Slice(offset, keyLength * c),
                default, default, 1, 1, keyLength, c, _shape.HeadCount, false,
                weights.Span, scratch.Span, attended.Span.Slice(r * c, c));
        }

        return Project(attended, rows, attention.OutputWeight, attention.OutputBias);
    }

    private FloatSlice CrossAttention(int layer, AttentionParameters attention, FloatSlice input, int rows)
    {
        var c = _shape.Channels;
        var query = Project(input, rows, attention.QueryWeight, attention.QueryBias);
        var sourceRows = _sourceCount * _sourceLength;
        var attended = _scratch.Allocate(rows * c);
        var weights = _scratch.Allocate(_shape.HeadCount * _sourceLength);
        var scratch = _scratch.Allocate(Attention.ScratchLength(1, _sourceLength));
        for (var r = 0; r < rows; r++)
        {
            var source = _rowSources[r];
            var offset = ((layer * sourceRows) + (source * _sourceLength)) * c;
            Attention.Forward(
                query.Span.Slice(r * c, c), _crossKeys!.Span.Slice(offset, _sourceLength * c), _crossValues!.Span.Slice(offset, _sourceLength * c),
                _sourceLengths.AsSpan(source, 1), default, 1, 1, _sourceLength, c, _shape.HeadCount, false,
                weights.Span, scratch.Span, attended.Span.Slice(r * c, c));
        }

        return Project(attended, rows, attention.OutputWeight, attention.OutputBias);
    }

    private FloatSlice FeedForward(FeedForwardParameters feedForward, FloatSlice input, int rows)
    {
        var c = _shape.Channels;
        var f = _shape.FeedForwardChannels;
        var hidden = _scratch.Allocate(rows * f);
        Linear.Forward(input.Span, Parameter(feedForward.InputWeight), Parameter(feedForward.InputBias), rows, c, f, hidden.Span);
        if (_shape.Activation == FeedForwardActivation.Relu)
        {
            Relu.Forward(hidden.Span, hidden.Span);
        }
        else
        {
            Gelu.Forward(hidden.Span, GeluApproximation.None, hidden.Span);
        }

        var output = _scratch.Allocate(rows * c);
        Linear.Forward(hidden.Span, Parameter(feedForward.OutputWeight), Parameter(feedForward.OutputBias), rows, f, c, output.Span);
        return output;
    }

    private FloatSlice Normalize(FloatSlice x, int rows, NormParameters norm)
    {
        var c = _shape.Channels;
        var output = _scratch.Allocate(rows * c);
        var statistics = _scratch.Allocate(2 * rows);
        LayerNorm.Forward(
            x.Span, Parameter(norm.Weight), Parameter(norm.Bias), rows, c,
            output.Span, statistics.Span[..rows], statistics.Span[rows..]);
        return output;
    }

    private FloatSlice Project(FloatSlice input, int rows, ParameterRange weight, ParameterRange bias)
    {
        var output = _scratch.Allocate(rows * _shape.Channels);
        Project(input, rows, weight, bias, output);
        return output;
    }

    private void Project(FloatSlice input, int rows, ParameterRange weight, ParameterRange bias, FloatSlice output)
    {
        var c = _shape.Channels;
        Linear.Forward(input.Span[..(rows * c)], Parameter(weight), Parameter(bias), rows, c, c, output.Span);
    }

    private Span<float> Parameter(ParameterRange range) => _weights.Span.Slice(range.Offset, range.Length);
}
