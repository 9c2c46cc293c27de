// End to end: a small model learns a copy task with the recipe a trainer uses (summed-loss gradients
// divided by the token count, clipping, AdamW), and its decoders then reproduce unseen sources. The
// decoder-only model needs more steps: it must find the source token to copy at a distance that depends on
// the source length, where the encoder-decoder's cross-attention aligns by position directly.
using Ramp.Training.Data.Batching;
using Ramp.Training.Decoding;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Models;

public sealed class LearningTests
{
    private const int Vocabulary = 10;

    [Theory]
    [InlineData("encoder_decoder", "pre", 400)]
    [InlineData("decoder_only", "pre", 1200)]
    public void A_small_model_learns_to_copy_and_decodes_the_copy(string architecture, string norm, int steps)
    {
        var config = new ModelConfig
        {
            Architecture = architecture, Norm = norm, EncoderLayers = 2, DecoderLayers = 2, DModel = 32, Heads = 2, DFf = 64,
            Dropout = 0, AttentionDropout = 0, Activation = "relu", TiedEmbeddings = true,
        };
        using var model = new TransformerModel(config, Vocabulary, Vocabulary, seed: 1);
        var groups = WeightDecayGrouping.Split(model.Layout, 3e-3, 0.01);
        var optimizer = new AdamW(model.Layout.Length, groups, new AdamSettings { Beta2 = 0.98 });
        var data = new RandomGenerator(2);
        var dropout = new RandomGenerator(3);
        var first = double.NaN;
        var last = double.NaN;
        for (var step = 0; step < steps; step++)
        {
            var pairs = Enumerable.Range(0, 16).Select(_ => Copy(data)).ToArray();
            var batch = new Batcher(pairs, new BatchingOptions()).CreateBatch([.. Enumerable.Range(0, pairs.Length)]);
            model.ZeroGradients();
            var loss = model.ForwardBackward(batch, 0f, dropout);
            var gradients = model.Gradients.Span;
            foreach (ref var gradient in gradients)
            {
                gradient /= loss.TokenCount;
            }

            GradientClipping.ClipByGlobalNorm(gradients, 1.0);
            optimizer.Step(model.Parameters.Span, gradients);
            first = step == 0 ? loss.Mean : first;
            last = loss.Mean;
        }

        Assert.True(last < first / 20, $"loss went from {first:F3} to {last:F3}");
        var sources = Enumerable.Range(0, 8).Select(_ => Copy(data).Source).ToArray();
        Assert.Equal(sources, model.Translate(sources, new DecodingOptions { Beam = 1, MaxLength = 10 }));
        Assert.Equal(sources, model.Translate(sources, new DecodingOptions { Beam = 3, MaxLength = 10 }));
    }

    // A source of 2 to 6 ordinary tokens and the same ids as target.
    private static TokenizedPair Copy(RandomGenerator generator)
    {
        var ids = TinyModels.Ids(generator, 2 + generator.NextInt32(5), Vocabulary);
        return new TokenizedPair(ids, [.. ids]);
    }
}
