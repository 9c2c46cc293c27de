// Decoding with cached keys and values against the full forward pass, and greedy search against beam search
// of width 1, on untrained tiny models (their outputs are arbitrary but fully determined by the weights).
using Ramp.Training.Data.Batching;
using Ramp.Training.Decoding;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Models;

public sealed class DecodingTests
{
    public static TheoryData<string, string, string> Architectures => new()
    {
        { "encoder_decoder", "post", "relu" },
        { "encoder_decoder", "pre", "gelu" },
        { "decoder_only", "post", "gelu" },
        { "decoder_only", "pre", "relu" },
    };

    // The cached decoder computes each position alone (one row per call) and the full pass all positions of a
    // batch at once, so the GEMMs sum in a different order: equal within a few float32 roundings.
    [Theory]
    [MemberData(nameof(Architectures))]
    public void Cached_decoding_gives_the_logits_of_the_full_forward_pass(string architecture, string norm, string activation)
    {
        using var model = TinyModels.Create(TinyModels.Config(architecture, norm, activation));
        var generator = new RandomGenerator(21);
        var source = TinyModels.Ids(generator, 5, TinyModels.SourceVocabulary);
        var target = TinyModels.Ids(generator, 6, TinyModels.TargetVocabulary);
        var batch = new Batcher([new TokenizedPair(source, target)], new BatchingOptions()).CreateBatch([0]);

        var full = model.Logits(batch).Span.ToArray();
        var cached = model.CachedLogits(source, target);

        Assert.Equal(batch.TargetLength, cached.Length);
        for (var t = 0; t < cached.Length; t++)
        {
            for (var v = 0; v < TinyModels.TargetVocabulary; v++)
            {
                Assert.Equal(full[(t * TinyModels.TargetVocabulary) + v], cached[t][v], 1e-4f);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Greedy_decoding_equals_beam_search_of_width_one(string architecture, string norm, string activation)
    {
        using var model = TinyModels.Create(TinyModels.Config(architecture, norm, activation), seed: 5);
        var generator = new RandomGenerator(8);
        var sources = Enumerable.Range(0, 6).Select(i => TinyModels.Ids(generator, 1 + i, TinyModels.SourceVocabulary)).ToArray();
        var options = new DecodingOptions { Beam = 1, MaxLength = 9 };

        var greedy = model.TranslateChunk(sources, options);
        var beam = model.TranslateChunk(sources, options, forceBeamSearch: true);

        Assert.Equal(greedy, beam);
    }

    [Fact]
    public void Translating_many_sources_at_once_equals_translating_each_alone()
    {
        using var model = TinyModels.Create(TinyModels.Config("encoder_decoder", "pre"), seed: 9);
        var generator = new RandomGenerator(4);
        var sources = Enumerable.Range(0, 7).Select(i => TinyModels.Ids(generator, 1 + ((i * 5) % 7), TinyModels.SourceVocabulary)).ToArray();
        foreach (var options in new[] { new DecodingOptions { Beam = 1, MaxLength = 8 }, new DecodingOptions { Beam = 3, MaxLength = 8 } })
        {
            var together = model.Translate(sources, options);
            var alone = sources.Select(source => model.Translate(source, options)).ToArray();
            Assert.Equal(alone, together);
        }
    }

    [Fact]
    public void Decoding_stops_at_the_length_limit()
    {
        using var model = TinyModels.Create(TinyModels.Config("decoder_only", "pre"), seed: 3);
        var outputs = model.Translate([[4, 5, 6], [7]], new DecodingOptions { Beam = 2, MaxLength = 4 });
        Assert.All(outputs, output => Assert.InRange(output.Length, 0, 4));
    }
}
