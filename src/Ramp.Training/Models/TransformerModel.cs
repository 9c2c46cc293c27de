// A Transformer for training on the CPU: an encoder-decoder (translation) or a decoder-only prefix language
// model, Post-LN or Pre-LN. All parameters live in one flat native block described by Layout (names of the
// PyTorch module in tools/fixtures/model.py), gradients in a second block with the same layout, activations
// in an arena that is reset at each pass, so that a steady-state training step allocates no managed memory.
// GEMMs use Gemm's threads; the row-wise work (attention per batch row, cross-entropy, layer norm,
// element-wise passes) runs on the model's own worker threads (as many as Gemm.ThreadCount, RAMP_THREADS).
// A model is not thread-safe: one pass at a time. This file: construction, the blocks, weights files. TransformerModel.Training.cs: the training step and
// evaluation. TransformerModel.Decoding.cs: translation and continuation.
using Ramp.Training.Layers;
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;
using Ramp.Training.Serialization;
using Ramp.Training.Training;

namespace Ramp.Training.Models;

/// <summary>
/// An encoder-decoder or decoder-only Transformer with flat parameter and gradient blocks. Not thread-safe: run
/// one training step, evaluation or translation at a time.
/// </summary>
public sealed partial class TransformerModel : IDisposable
{
    private readonly TransformerParameters _parameters;
    private readonly NativeFloatBlock? _sinusoids;
    private readonly ActivationArena _arena = new();
    private readonly WorkerPool _workers;
    private readonly StepContext _context;
    private readonly TransformerStack? _encoder;
    private readonly TransformerStack _decoder;
    private readonly OutputHead _head;
    private bool _disposed;

    /// <summary>Builds a model and initializes its parameters from <paramref name="seed"/> (see TransformerInitialization.cs).</summary>
    /// <param name="config">Architecture, norm placement, depths, widths, dropout, activation, tying.</param>
    /// <param name="sourceVocabularySize">Source vocabulary size (special tokens included).</param>
    /// <param name="targetVocabularySize">Target vocabulary size (special tokens included).</param>
    /// <param name="seed">Seed of the initialization generator; equal seeds give equal parameters.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public TransformerModel(ModelConfig config, int sourceVocabularySize, int targetVocabularySize, long seed)
        : this(TransformerShape.FromConfig(config, sourceVocabularySize, targetVocabularySize), seed)
    {
    }

    /// <summary>Builds a model of a resolved shape and initializes its parameters from <paramref name="seed"/>.</summary>
    /// <param name="shape">The model's shape.</param>
    /// <param name="seed">Seed of the initialization generator.</param>
    public TransformerModel(TransformerShape shape, long seed)
        : this(shape, seed, Kernels.Gemm.ThreadCount)
    {
    }

    /// <summary>Builds a model whose row-wise work runs on <paramref name="threads"/> threads (tests compare thread counts).</summary>
    internal TransformerModel(TransformerShape shape, long seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.Validate();
        Shape = shape;
        _parameters = new TransformerParameters(shape);
        Parameters = new NativeFloatBlock(Layout.Length);
        Gradients = new NativeFloatBlock(Layout.Length);
        TransformerInitialization.Initialize(shape, Layout, Parameters.Span, new RandomGenerator(unchecked((ulong)seed)));
        if (shape.Positions == PositionEncoding.Sinusoidal)
        {
            _sinusoids = new NativeFloatBlock(shape.MaxPositions * shape.Channels);
            Positions.FillSinusoidal(shape.MaxPositions, shape.Channels, _sinusoids.Span);
        }

        _workers = new WorkerPool(threads);
        _context = new StepContext(Parameters, Gradients, _arena, _workers);
        if (_parameters.Encoder is { } encoder)
        {
            _encoder = new TransformerStack(shape, encoder, shape.SourceVocabularySize, _sinusoids, causal: false);
        }

        _decoder = new TransformerStack(shape, _parameters.Decoder, shape.DecoderEmbeddingRows, _sinusoids, causal: true);
        _head = new OutputHead(_parameters.OutputProjection, shape.Channels, shape.TargetVocabularySize);
    }

    /// <summary>The model's shape.</summary>
    public TransformerShape Shape { get; }

    /// <summary>Names, offsets, shapes and roles of the parameters in <see cref="Parameters"/> and <see cref="Gradients"/>.</summary>
    public ParameterLayout Layout => _parameters.Layout;

    /// <summary>The flat parameter block (<see cref="Layout"/>.Length floats).</summary>
    public NativeFloatBlock Parameters { get; }

    /// <summary>The flat gradient block, laid out as <see cref="Parameters"/>; training steps add to it.</summary>
    public NativeFloatBlock Gradients { get; }

    /// <summary>Floats of activation memory the largest pass so far needed.</summary>
    public long ActivationPeak => _arena.Peak;

    /// <summary>Sets every gradient to zero (before the first batch of an update).</summary>
    public void ZeroGradients() => Gradients.Clear();

    /// <summary>Writes the parameters as a safetensors file, one tensor per <see cref="Layout"/> entry.</summary>
    /// <param name="path">The file to create or replace (atomically).</param>
    public void SaveWeights(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WeightsFile.Save(path, Layout, Parameters.Span);
    }

    /// <summary>Reads the parameters from a safetensors file with exactly this layout's names and shapes.</summary>
    /// <param name="path">A file written by <see cref="SaveWeights"/> or by PyTorch with the same names.</param>
    /// <exception cref="InvalidDataException">A parameter is missing, has another shape, or the file holds an unknown tensor.</exception>
    public void LoadWeights(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WeightsFile.Load(path, Layout, Parameters.Span);
    }

    /// <summary>Frees the parameter, gradient and activation memory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Parameters.Dispose();
        Gradients.Dispose();
        _sinusoids?.Dispose();
        _arena.Dispose();
        _workers.Dispose();
    }
}
