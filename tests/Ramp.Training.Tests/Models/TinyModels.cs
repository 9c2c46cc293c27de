// Small models and batches shared by the model tests: tiny enough for finite differences, with padding on
// both sides and sequences of different lengths.
using Ramp.Training.Data.Batching;
using Ramp.Training.Models;
using Ramp.Training.Randomness;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Models;

internal static class TinyModels
{
    public const int SourceVocabulary = 11;
    public const int TargetVocabulary = 13;

    public static ModelConfig Config(string architecture, string norm, string activation = "gelu", bool tied = true, double dropout = 0.1) => new()
    {
        Architecture = architecture,
        Norm = norm,
        EncoderLayers = 2,
        DecoderLayers = 2,
        DModel = 8,
        Heads = 2,
        DFf = 12,
        Dropout = dropout,
        AttentionDropout = dropout,
        Activation = activation,
        TiedEmbeddings = tied,
    };

    public static TransformerModel Create(ModelConfig config, long seed = 7, string positions = "sinusoidal")
        => new(config with { Positions = positions, MaxPositions = 32 }, SourceVocabulary, TargetVocabulary, seed);

    // Three pairs of different lengths, ids from 4 (the first ordinary token) up.
    public static Batch Batch(int seed = 3, int pairs = 3)
    {
        var generator = new RandomGenerator((ulong)seed);
        var list = new List<TokenizedPair>();
        for (var i = 0; i < pairs; i++)
        {
            list.Add(new TokenizedPair(Ids(generator, 2 + ((i * 2) % 5), SourceVocabulary), Ids(generator, 1 + ((i * 3) % 5), TargetVocabulary)));
        }

        return new Batcher(list, new BatchingOptions()).CreateBatch([.. Enumerable.Range(0, pairs)]);
    }

    public static int[] Ids(RandomGenerator generator, int length, int vocabulary)
    {
        var ids = new int[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = 4 + generator.NextInt32(vocabulary - 4);
        }

        return ids;
    }
}
