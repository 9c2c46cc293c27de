// The two training-step configurations measured against PyTorch (bench/vs-pytorch.sh, bench/vs_pytorch.py
// defines the same ones) and the pieces of one step: a synthetic batch of random ids, the model, AdamW with
// the default weight-decay groups, clipping at 1.0, label smoothing 0.1, dropout 0.1 everywhere.
//   a  encoder-decoder 3+3 layers, d_model 256, 4 heads, d_ff 1024, vocabularies 8000 + 8000,
//      batch 32 pairs x (31 tokens + EOS) source, (BOS + 31 tokens) target: 32 x 32 tokens each side
//   b  decoder-only 6 layers, d_model 128, 4 heads, d_ff 512, vocabularies 8000 + 8000, batch 32 rows of
//      64 tokens (32 source + 32 target, the prefix LM layout; loss on the 32 target positions)
// Both Post-LN, ReLU, tied decoder embedding and output projection, sinusoidal positions.
using Ramp.Training.Data.Batching;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;
using Ramp.Training.Training;

namespace Ramp.Benchmarks.Training;

/// <summary>A model, a batch and an optimizer ready for timed training steps.</summary>
internal sealed class TrainingStepSetup : IDisposable
{
    private const float LabelSmoothing = 0.1f;
    private const double ClipNorm = 1.0;
    private readonly RandomGenerator _dropout = new(2);
    private readonly AdamW _optimizer;

    private TrainingStepSetup(ModelConfig config, int vocabulary, int batchSize, int sideLength)
    {
        Model = new TransformerModel(config, vocabulary, vocabulary, seed: 1);
        var generator = new RandomGenerator(3);
        var pairs = new TokenizedPair[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            pairs[i] = new TokenizedPair(Ids(generator, sideLength - 1, vocabulary), Ids(generator, sideLength - 1, vocabulary));
        }

        Batch = new Batcher(pairs, new BatchingOptions { TokensPerBatch = batchSize * sideLength }).CreateBatch([.. Enumerable.Range(0, batchSize)]);
        TokensPerStep = (batchSize * Batch.SourceLength) + (batchSize * Batch.TargetLength);
        _optimizer = new AdamW(Model.Layout.Length, WeightDecayGrouping.Split(Model.Layout, 1e-4, 0.01));
    }

    public TransformerModel Model { get; }

    public Batch Batch { get; }

    /// <summary>Source plus target tokens of the batch (no padding in these batches).</summary>
    public int TokensPerStep { get; }

    public static TrainingStepSetup Create(string name) => name switch
    {
        "a" => new TrainingStepSetup(Config("encoder_decoder", 3, 3, 256, 1024), 8000, 32, 32),
        "b" => new TrainingStepSetup(Config("decoder_only", 0, 6, 128, 512), 8000, 32, 32),
        "tiny" => new TrainingStepSetup(Config("encoder_decoder", 1, 1, 64, 128), 500, 8, 12),
        _ => throw new ArgumentException($"Configuration '{name}' is not one of a, b, tiny.", nameof(name)),
    };

    /// <summary>One optimizer update: zero, forward and backward, mean over tokens, clip, AdamW.</summary>
    public double Step()
    {
        Model.ZeroGradients();
        var loss = Model.ForwardBackward(Batch, LabelSmoothing, _dropout);
        var gradients = Model.Gradients.Span;
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradients, 1f / loss.TokenCount, gradients);
        GradientClipping.ClipByGlobalNorm(gradients, ClipNorm);
        _optimizer.Step(Model.Parameters.Span, gradients);
        return loss.Mean;
    }

    public void Dispose() => Model.Dispose();

    private static ModelConfig Config(string architecture, int encoderLayers, int decoderLayers, int channels, int feedForward) => new()
    {
        Architecture = architecture,
        Norm = "post",
        EncoderLayers = encoderLayers,
        DecoderLayers = decoderLayers,
        DModel = channels,
        Heads = 4,
        DFf = feedForward,
        Dropout = 0.1,
        AttentionDropout = 0.1,
        Activation = "relu",
        TiedEmbeddings = true,
    };

    private static int[] Ids(RandomGenerator generator, int length, int vocabulary)
    {
        var ids = new int[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = 4 + generator.NextInt32(vocabulary - 4);
        }

        return ids;
    }
}
