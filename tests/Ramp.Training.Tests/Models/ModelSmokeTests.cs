using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Models;

public sealed class ModelSmokeTests
{
    [Theory]
    [InlineData("encoder_decoder", "post")]
    [InlineData("encoder_decoder", "pre")]
    [InlineData("decoder_only", "post")]
    [InlineData("decoder_only", "pre")]
    public void Initial_loss_is_near_the_uniform_guess(string architecture, string norm)
    {
        using var model = TinyModels.Create(TinyModels.Config(architecture, norm));
        var batch = TinyModels.Batch();
        var loss = model.Evaluate(batch);
        Assert.Equal(batch.TargetTokenCount, loss.TokenCount);
        Assert.InRange(loss.Mean, Math.Log(TinyModels.TargetVocabulary) - 1.5, Math.Log(TinyModels.TargetVocabulary) + 1.5);
        var trained = model.ForwardBackward(batch, 0.1f, new RandomGenerator(5));
        Assert.True(double.IsFinite(trained.Sum));
    }
}
