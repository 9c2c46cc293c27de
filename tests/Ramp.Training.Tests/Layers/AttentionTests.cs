using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class AttentionTests
{
    [Theory]
    [InlineData(4, 4, false, new int[0], 0f)]
    [InlineData(4, 4, true, new[] { 4, 2 }, 0.3f)]
    [InlineData(3, 5, false, new[] { 5, 0 }, 0.3f)]
    [InlineData(5, 3, true, new[] { 2, 3 }, 0f)]
    public void Backward_matches_central_differences(int queryLength, int keyLength, bool causal, int[] keyLengths, float dropout)
    {
        var generator = new RandomGenerator(70);
        const int Batch = 2, Channels = 6, Heads = 2;
        var query = GradientCheck.Uniform(generator, Batch * queryLength * Channels);
        var key = GradientCheck.Uniform(generator, Batch * keyLength * Channels);
        var value = GradientCheck.Uniform(generator, Batch * keyLength * Channels);
        var mask = dropout == 0f ? [] : new float[Batch * Heads * queryLength * keyLength];
        Dropout.FillMask(dropout, generator, mask);
        var weights = GradientCheck.Uniform(generator, query.Length);
        var attention = new float[Batch * Heads * queryLength * keyLength];
        var scratch = new float[Attention.ScratchLength(queryLength, keyLength)];
        var output = new float[query.Length];
        double Objective()
        {
            Attention.Forward(query, key, value, keyLengths, mask, Batch, queryLength, keyLength, Channels, Heads, causal, attention, scratch, output);
            return GradientCheck.Objective(output, weights);
        }

        Objective();
        var queryBefore = GradientCheck.Uniform(generator, query.Length);
        var keyBefore = GradientCheck.Uniform(generator, key.Length);
        var valueBefore = GradientCheck.Uniform(generator, value.Length);
        var queryGradient = (float[])queryBefore.Clone();
        var keyGradient = (float[])keyBefore.Clone();
        var valueGradient = (float[])valueBefore.Clone();
        Attention.Backward(
            weights, query, key, value, attention, keyLengths, mask, Batch, queryLength, keyLength, Channels, Heads, causal,
            scratch, queryGradient, keyGradient, valueGradient);

        GradientCheck.AssertMatches("query", query, queryGradient, queryBefore, Objective);
        GradientCheck.AssertMatches("key", key, keyGradient, keyBefore, Objective);
        GradientCheck.AssertMatches("value", value, valueGradient, valueBefore, Objective);
    }

    [Fact]
    public void Causal_query_ignores_later_keys_and_padded_keys_are_ignored()
    {
        var generator = new RandomGenerator(71);
        const int Length = 5, Channels = 4, Heads = 2;
        var query = GradientCheck.Uniform(generator, Length * Channels);
        var key = GradientCheck.Uniform(generator, Length * Channels);
        var value = GradientCheck.Uniform(generator, Length * Channels);
        var first = Run(query, key, value, [4]);

        // Change key and value at position 3 (visible to queries 3 and later) and 4 (padding, visible to none).
        for (var c = 3 * Channels; c < Length * Channels; c++)
        {
            key[c] += 1f;
            value[c] -= 1f;
        }

        var second = Run(query, key, value, [4]);

        Assert.Equal(first[..(3 * Channels)], second[..(3 * Channels)]);
        Assert.NotEqual(first[(3 * Channels)..], second[(3 * Channels)..]);

        static float[] Run(float[] query, float[] key, float[] value, int[] keyLengths)
        {
            var output = new float[Length * Channels];
            Attention.Forward(
                query, key, value, keyLengths, [], 1, Length, Length, Channels, Heads, true,
                new float[Heads * Length * Length], new float[Attention.ScratchLength(Length, Length)], output);
            return output;
        }
    }

    [Fact]
    public void Query_with_no_visible_key_gives_zeros_not_NaN()
    {
        var weights = new float[2 * 3 * 4];
        var output = new float[3 * 4];
        Array.Fill(weights, float.NaN);
        Array.Fill(output, float.NaN);

        Attention.Forward(
            new float[12], new float[16], new float[16], [0], [], 1, 3, 4, 4, 2, false, weights, new float[24], output);

        Assert.All(weights, w => Assert.Equal(0f, w));
        Assert.All(output, o => Assert.Equal(0f, o));
    }

    [Fact]
    public void Weights_are_a_distribution_over_the_visible_keys()
    {
        var generator = new RandomGenerator(72);
        const int Length = 4, Channels = 4, Heads = 1;
        var weights = new float[Length * Length];

        Attention.Forward(
            GradientCheck.Uniform(generator, 16), GradientCheck.Uniform(generator, 16), GradientCheck.Uniform(generator, 16), [3], [],
            1, Length, Length, Channels, Heads, true, weights, new float[32], new float[16]);

        for (var i = 0; i < Length; i++)
        {
            var row = weights.AsSpan(i * Length, Length);
            var visible = Math.Min(i + 1, 3);
            Assert.Equal(1f, row[..visible].ToArray().Sum(), 6);
            Assert.All(row[visible..].ToArray(), w => Assert.Equal(0f, w));
        }
    }

    [Theory]
    [InlineData("attention_self_causal")]
    [InlineData("attention_cross")]
    public void Composed_with_linear_projections_matches_PyTorch_multihead_attention(string name)
    {
        var fixture = OpsFixture.Load(name);
        int batch = fixture.Size("batch"), queryLength = fixture.Size("query_length"), keyLength = fixture.Size("key_length");
        int channels = fixture.Size("channels"), heads = fixture.Size("heads");
        var causal = fixture.Size("causal") == 1;
        var cross = name.EndsWith("cross", StringComparison.Ordinal);
        var keyLengths = fixture.Ints("key_lengths");
        var queryInput = fixture.Floats("query_input");
        var memoryInput = cross ? fixture.Floats("memory_input") : queryInput;
        var inWeight = fixture.Floats("in_projection_weight");
        var inBias = fixture.Floats("in_projection_bias");
        var outWeight = fixture.Floats("out_projection_weight");
        var outBias = fixture.Floats("out_projection_bias");
        var matrix = channels * channels;
        int queryRows = batch * queryLength, keyRows = batch * keyLength;

        // Forward: the three input projections are row blocks of in_proj_weight (3C, C).
        var query = new float[queryRows * channels];
        var key = new float[keyRows * channels];
        var value = new float[keyRows * channels];
        Linear.Forward(queryInput, inWeight.AsSpan(0, matrix), inBias.AsSpan(0, channels), queryRows, channels, channels, query);
        Linear.Forward(memoryInput, inWeight.AsSpan(matrix, matrix), inBias.AsSpan(channels, channels), keyRows, channels, channels, key);
        Linear.Forward(memoryInput, inWeight.AsSpan(2 * matrix, matrix), inBias.AsSpan(2 * channels, channels), keyRows, channels, channels, value);
        var weights = new float[batch * heads * queryLength * keyLength];
        var scratch = new float[Attention.ScratchLength(queryLength, keyLength)];
        var attended = new float[queryRows * channels];
        Attention.Forward(query, key, value, keyLengths, [], batch, queryLength, keyLength, channels, heads, causal, weights, scratch, attended);
        var output = new float[queryRows * channels];
        Linear.Forward(attended, outWeight, outBias, queryRows, channels, channels, output);

        // Backward, in reverse.
        var outWeightGradient = new float[matrix];
        var outBiasGradient = new float[channels];
        var attendedGradient = new float[attended.Length];
        Linear.Backward(fixture.Floats("output_gradient"), attended, outWeight, queryRows, channels, channels, attendedGradient, outWeightGradient, outBiasGradient);
        var queryGradient = new float[query.Length];
        var keyGradient = new float[key.Length];
        var valueGradient = new float[value.Length];
        Attention.Backward(
            attendedGradient, query, key, value, weights, keyLengths, [], batch, queryLength, keyLength, channels, heads, causal,
            scratch, queryGradient, keyGradient, valueGradient);
        var inWeightGradient = new float[3 * matrix];
        var inBiasGradient = new float[3 * channels];
        var queryInputGradient = new float[queryInput.Length];
        var memoryInputGradient = cross ? new float[memoryInput.Length] : queryInputGradient;
        Linear.Backward(queryGradient, queryInput, inWeight.AsSpan(0, matrix), queryRows, channels, channels, queryInputGradient, inWeightGradient.AsSpan(0, matrix), inBiasGradient.AsSpan(0, channels));
        Linear.Backward(keyGradient, memoryInput, inWeight.AsSpan(matrix, matrix), keyRows, channels, channels, memoryInputGradient, inWeightGradient.AsSpan(matrix, matrix), inBiasGradient.AsSpan(channels, channels));
        Linear.Backward(valueGradient, memoryInput, inWeight.AsSpan(2 * matrix, matrix), keyRows, channels, channels, memoryInputGradient, inWeightGradient.AsSpan(2 * matrix, matrix), inBiasGradient.AsSpan(2 * channels, channels));

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("weights", fixture.Floats("weights"), weights);
        OpsFixture.AssertClose("query input gradient", fixture.Floats("query_input_gradient"), queryInputGradient);
        if (cross)
        {
            OpsFixture.AssertClose("memory input gradient", fixture.Floats("memory_input_gradient"), memoryInputGradient);
        }

        OpsFixture.AssertClose("in_proj_weight gradient", fixture.Floats("in_projection_weight_gradient"), inWeightGradient);
        OpsFixture.AssertClose("in_proj_bias gradient", fixture.Floats("in_projection_bias_gradient"), inBiasGradient);
        OpsFixture.AssertClose("out_proj weight gradient", fixture.Floats("out_projection_weight_gradient"), outWeightGradient);
        OpsFixture.AssertClose("out_proj bias gradient", fixture.Floats("out_projection_bias_gradient"), outBiasGradient);
    }

    [Fact]
    public void Key_length_beyond_the_keys_is_rejected()
        => Assert.Throws<ArgumentException>(() => Attention.Forward(
            new float[8], new float[8], new float[8], [3], [], 1, 2, 2, 4, 2, false, new float[8], new float[8], new float[8]));
}
