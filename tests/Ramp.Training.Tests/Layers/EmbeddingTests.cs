using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class EmbeddingTests
{
    [Fact]
    public void Forward_looks_up_rows_and_multiplies_by_the_scale()
    {
        float[] table = [1, 2, 3, 4, 5, 6];
        var output = new float[6];

        Embedding.Forward([2, 0, 2], table, 3, 3, 2, 0.5f, output);

        Assert.Equal([2.5f, 3f, 0.5f, 1f, 2.5f, 3f], output);
    }

    [Fact]
    public void Transformer_scale_is_the_square_root_of_the_model_width()
        => Assert.Equal(16f, Embedding.TransformerScale(256));

    [Fact]
    public void Backward_matches_central_differences_with_repeated_tokens()
    {
        var generator = new RandomGenerator(11);
        const int Vocabulary = 5, Channels = 4;
        int[] tokens = [1, 3, 1, 0, 4, 1];
        var table = GradientCheck.Uniform(generator, Vocabulary * Channels);
        var weights = GradientCheck.Uniform(generator, tokens.Length * Channels);
        var output = new float[tokens.Length * Channels];
        var scale = Embedding.TransformerScale(Channels);
        double Objective()
        {
            Embedding.Forward(tokens, table, tokens.Length, Vocabulary, Channels, scale, output);
            return GradientCheck.Objective(output, weights);
        }

        var before = GradientCheck.Uniform(generator, table.Length);
        var gradient = (float[])before.Clone();
        Embedding.Backward(weights, tokens, tokens.Length, Vocabulary, Channels, scale, -1, gradient);

        GradientCheck.AssertMatches("table", table, gradient, before, Objective);
    }

    [Fact]
    public void Backward_leaves_the_padding_row_untouched()
    {
        var gradient = new float[3 * 2];
        Embedding.Backward([1, 1, 1, 1, 1, 1], [0, 2, 0], 3, 3, 2, 1f, 0, gradient);

        Assert.Equal([0f, 0f, 0f, 0f, 1f, 1f], gradient);
    }

    [Fact]
    public void Token_outside_the_vocabulary_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => Embedding.Forward([0, 3], new float[6], 2, 3, 2, 1f, new float[4]));
        Assert.Contains("Token id 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_of_the_wrong_length_is_rejected()
        => Assert.Throws<ArgumentException>(() => Embedding.Forward([0, 1], new float[6], 2, 3, 2, 1f, new float[5]));

    [Fact]
    public void Matches_PyTorch_embedding_with_scale_and_padding_index()
    {
        var fixture = OpsFixture.Load("embedding");
        int vocabulary = fixture.Size("vocabulary"), channels = fixture.Size("channels"), count = fixture.Size("tokens");
        var tokens = fixture.Ints("tokens");
        var scale = Embedding.TransformerScale(channels);
        var output = new float[count * channels];
        var gradient = new float[vocabulary * channels];

        Embedding.Forward(tokens, fixture.Floats("table"), count, vocabulary, channels, scale, output);
        Embedding.Backward(fixture.Floats("output_gradient"), tokens, count, vocabulary, channels, scale, fixture.Size("padding_index"), gradient);

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("table gradient", fixture.Floats("table_gradient"), gradient);
    }
}
