// The default weight-decay split and the layout it works on: kinds inferred from PyTorch/Hugging Face names
// (GPT-2 and fairseq spellings), explicit kinds winning over names, a caller's own rule, merged ranges.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class WeightDecayGroupingTests
{
    [Theory]
    [InlineData("transformer.wte.weight", new[] { 50, 8 }, ParameterRole.TokenEmbedding)]
    [InlineData("encoder.embed_tokens.weight", new[] { 50, 8 }, ParameterRole.TokenEmbedding)]
    [InlineData("transformer.wpe.weight", new[] { 16, 8 }, ParameterRole.PositionEmbedding)]
    [InlineData("encoder.embed_positions.weight", new[] { 16, 8 }, ParameterRole.PositionEmbedding)]
    [InlineData("pos_embedding", new[] { 16, 8 }, ParameterRole.PositionEmbedding)]
    [InlineData("transformer.h.0.ln_1.weight", new[] { 8 }, ParameterRole.NormWeight)]
    [InlineData("transformer.ln_f.bias", new[] { 8 }, ParameterRole.NormBias)]
    [InlineData("encoder.layers.0.self_attn_layer_norm.weight", new[] { 8 }, ParameterRole.NormWeight)]
    [InlineData("transformer.h.0.attn.c_attn.weight", new[] { 8, 24 }, ParameterRole.LinearWeight)]
    [InlineData("transformer.h.0.attn.c_attn.bias", new[] { 24 }, ParameterRole.Bias)]
    [InlineData("encoder.layers.0.self_attn.in_proj_bias", new[] { 24 }, ParameterRole.Bias)]
    [InlineData("decoder.layers.0.fc1.weight", new[] { 32, 8 }, ParameterRole.LinearWeight)]
    [InlineData("scale", new[] { 1 }, ParameterRole.Other)]
    public void Kind_is_inferred_from_the_name_then_the_shape(string name, int[] shape, ParameterRole expected) =>
        Assert.Equal(expected, ParameterKinds.Infer(name, shape));

    [Fact]
    public void Matrices_and_token_embeddings_decay_while_biases_norms_and_position_embeddings_do_not()
    {
        var layout = ParameterLayout.Pack(
        [
            ("wte.weight", [10, 4], ParameterRole.Unspecified),
            ("wpe.weight", [6, 4], ParameterRole.Unspecified),
            ("h.0.ln_1.weight", [4], ParameterRole.Unspecified),
            ("h.0.ln_1.bias", [4], ParameterRole.Unspecified),
            ("h.0.mlp.c_fc.weight", [4, 16], ParameterRole.Unspecified),
            ("h.0.mlp.c_fc.bias", [16], ParameterRole.Unspecified),
        ]);
        var groups = WeightDecayGrouping.Split(layout, learningRate: 3e-4, weightDecay: 0.1);
        Assert.Equal(["decay", "no_decay"], groups.Select(group => group.Name));
        Assert.Equal([new ParameterRange(0, 40), new ParameterRange(72, 64)], groups[0].Ranges);
        Assert.Equal([new ParameterRange(40, 32), new ParameterRange(136, 16)], groups[1].Ranges);
        Assert.Equal(0.1, groups[0].WeightDecay);
        Assert.Equal(0, groups[1].WeightDecay);
        Assert.All(groups, group => Assert.Equal(3e-4, group.LearningRate));
    }

    [Fact]
    public void An_explicit_kind_wins_over_the_name()
    {
        var layout = ParameterLayout.Pack([("layers.0.weight", [4, 4], ParameterRole.PositionEmbedding)]);
        Assert.Equal(ParameterRole.PositionEmbedding, layout["layers.0.weight"].Kind);
        Assert.False(WeightDecayGrouping.DecaysByDefault(layout["layers.0.weight"]));
    }

    [Fact]
    public void A_callers_rule_replaces_the_default()
    {
        var layout = ParameterLayout.Pack([("w", [4, 4], ParameterRole.LinearWeight), ("b", [4], ParameterRole.Bias)]);
        var groups = WeightDecayGrouping.Split(layout, 0.1, 0.01, decays: parameter => parameter.Kind == ParameterRole.Bias);
        Assert.Equal([new ParameterRange(16, 4)], groups[0].Ranges);
        Assert.Equal([new ParameterRange(0, 16)], groups[1].Ranges);
    }

    [Fact]
    public void Layout_with_gaps_keeps_offsets_and_length()
    {
        var layout = new ParameterLayout([new ParameterEntry("b", 16, [3]), new ParameterEntry("a", 0, [2, 5])], length: 24);
        Assert.Equal(["a", "b"], layout.Entries.Select(entry => entry.Name));
        Assert.Equal(24, layout.Length);
        Assert.Equal(new ParameterRange(16, 3), layout["b"].Range);
    }

    [Fact]
    public void Layout_rejects_repeated_names_and_overlapping_parameters()
    {
        var repeated = Assert.Throws<ArgumentException>(() => new ParameterLayout([new ParameterEntry("a", 0, [2]), new ParameterEntry("a", 2, [2])]));
        Assert.Contains("'a'", repeated.Message, StringComparison.Ordinal);
        var overlapping = Assert.Throws<ArgumentException>(() => new ParameterLayout([new ParameterEntry("a", 0, [4]), new ParameterEntry("b", 3, [2])]));
        Assert.Contains("overlaps", overlapping.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterLayout([new ParameterEntry("a", 0, [4])], length: 3));
    }
}
