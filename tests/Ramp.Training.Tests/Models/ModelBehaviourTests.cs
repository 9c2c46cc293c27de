// Determinism, gradient accumulation, weights files and the limits of a model.
using Ramp.Training.Decoding;
using Ramp.Training.Models;
using Ramp.Training.Randomness;
using Ramp.Training.Tests.Serialization;

namespace Ramp.Training.Tests.Models;

public sealed class ModelBehaviourTests
{
    [Theory]
    [InlineData("encoder_decoder", "post")]
    [InlineData("decoder_only", "pre")]
    public void Same_seeds_give_the_same_parameters_losses_and_gradients(string architecture, string norm)
    {
        var config = TinyModels.Config(architecture, norm);
        using var first = TinyModels.Create(config, seed: 12);
        using var second = TinyModels.Create(config, seed: 12);
        Assert.True(first.Parameters.Span.SequenceEqual(second.Parameters.Span));

        var firstDropout = new RandomGenerator(99);
        var secondDropout = new RandomGenerator(99);
        for (var step = 0; step < 3; step++)
        {
            var batch = TinyModels.Batch(seed: step);
            Assert.Equal(first.ForwardBackward(batch, 0.1f, firstDropout), second.ForwardBackward(batch, 0.1f, secondDropout));
        }

        Assert.True(first.Gradients.Span.SequenceEqual(second.Gradients.Span));
    }

    [Theory]
    [InlineData("encoder_decoder", "post")]
    [InlineData("decoder_only", "pre")]
    public void The_thread_count_does_not_change_losses_or_gradients(string architecture, string norm)
    {
        var shape = TransformerShape.FromConfig(TinyModels.Config(architecture, norm), TinyModels.SourceVocabulary, TinyModels.TargetVocabulary);
        using var single = new TransformerModel(shape, 12, threads: 1);
        using var several = new TransformerModel(shape, 12, threads: 3);
        var first = TinyModels.Batch(pairs: 5);
        var second = TinyModels.Batch(seed: 8, pairs: 4);
        var singleDropout = new RandomGenerator(4);
        var severalDropout = new RandomGenerator(4);

        // Two batches, so that the second pass runs on arena memory the first one left dirty.
        Assert.Equal(single.ForwardBackward(first, 0.1f, singleDropout), several.ForwardBackward(first, 0.1f, severalDropout));
        Assert.Equal(single.ForwardBackward(second, 0.1f, singleDropout), several.ForwardBackward(second, 0.1f, severalDropout));
        Assert.True(single.Gradients.Span.SequenceEqual(several.Gradients.Span));
    }

    [Fact]
    public void Different_seeds_give_different_parameters_and_dropout_masks()
    {
        var config = TinyModels.Config("encoder_decoder", "pre");
        using var first = TinyModels.Create(config, seed: 1);
        using var second = TinyModels.Create(config, seed: 2);
        Assert.False(first.Parameters.Span.SequenceEqual(second.Parameters.Span));

        var batch = TinyModels.Batch();
        Assert.NotEqual(first.ForwardBackward(batch, 0f, new RandomGenerator(1)), first.ForwardBackward(batch, 0f, new RandomGenerator(2)));
    }

    [Fact]
    public void Forward_backward_accumulates_gradients_until_they_are_zeroed()
    {
        using var model = TinyModels.Create(TinyModels.Config("encoder_decoder", "post", dropout: 0));
        var batch = TinyModels.Batch();
        model.ZeroGradients();
        model.ForwardBackward(batch, 0.1f, new RandomGenerator(1));
        var once = model.Gradients.Span.ToArray();
        model.ForwardBackward(batch, 0.1f, new RandomGenerator(1));
        var twice = model.Gradients.Span.ToArray();
        for (var i = 0; i < once.Length; i++)
        {
            Assert.Equal(2 * once[i], twice[i], 1e-6f + (Math.Abs(once[i]) * 1e-5f));
        }

        model.ZeroGradients();
        Assert.True(model.Gradients.Span.IndexOfAnyExcept(0f) < 0);
    }

    [Theory]
    [InlineData("encoder_decoder", "post", "sinusoidal")]
    [InlineData("decoder_only", "pre", "learned")]
    public void Saved_and_loaded_weights_give_identical_outputs(string architecture, string norm, string positions)
    {
        using var directory = new TemporaryDirectory();
        var config = TinyModels.Config(architecture, norm);
        using var trained = TinyModels.Create(config, seed: 4, positions);
        using var fresh = TinyModels.Create(config, seed: 5, positions);
        var batch = TinyModels.Batch();
        var path = directory.File("model.safetensors");

        trained.SaveWeights(path);
        fresh.LoadWeights(path);

        Assert.True(trained.Parameters.Span.SequenceEqual(fresh.Parameters.Span));
        Assert.Equal(trained.Evaluate(batch), fresh.Evaluate(batch));
        var options = new DecodingOptions { Beam = 2, MaxLength = 6 };
        Assert.Equal(trained.Translate([4, 5, 6], options), fresh.Translate([4, 5, 6], options));
    }

    [Fact]
    public void Loading_weights_of_another_shape_is_refused()
    {
        using var directory = new TemporaryDirectory();
        using var small = TinyModels.Create(TinyModels.Config("encoder_decoder", "post"));
        using var preNorm = TinyModels.Create(TinyModels.Config("encoder_decoder", "pre"));
        var path = directory.File("model.safetensors");
        small.SaveWeights(path);
        Assert.Throws<InvalidDataException>(() => preNorm.LoadWeights(path));
    }

    [Fact]
    public void Batches_longer_than_the_position_table_are_refused()
    {
        using var model = new TransformerModel(
            TinyModels.Config("encoder_decoder", "post") with { MaxPositions = 4 }, TinyModels.SourceVocabulary, TinyModels.TargetVocabulary, 1);
        var error = Assert.Throws<ArgumentException>(() => model.Evaluate(TinyModels.Batch(pairs: 5)));
        Assert.Contains("at most 4", error.Message, StringComparison.Ordinal);
    }
}
