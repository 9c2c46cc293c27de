// Global-norm clipping with torch.nn.utils.clip_grad_norm_ semantics; the PyTorch comparison itself is the
// adam_clipped case of PyTorchOptimizerTests.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class GradientClippingTests
{
    [Fact]
    public void Global_norm_is_the_l2_norm_of_the_whole_block()
    {
        Assert.Equal(5f, GradientClipping.GlobalNorm([3f, 4f]));
        var ones = Enumerable.Repeat(1f, 37).ToArray();
        Assert.Equal((float)Math.Sqrt(37), GradientClipping.GlobalNorm(ones));
    }

    [Fact]
    public void Global_norm_equals_the_norm_of_per_tensor_norms()
    {
        var random = new Random(7);
        var gradients = Enumerable.Range(0, 101).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var parts = new[] { gradients[..12], gradients[12..15], gradients[15..] };
        var perTensor = parts.Select(part => (double)GradientClipping.GlobalNorm(part)).ToArray();
        var ofNorms = Math.Sqrt(perTensor.Sum(norm => norm * norm));
        Assert.Equal(ofNorms, GradientClipping.GlobalNorm(gradients), 1e-6);
    }

    [Fact]
    public void Norm_of_huge_gradients_does_not_overflow()
    {
        var gradients = Enumerable.Repeat(1e30f, 16).ToArray();
        Assert.Equal(4e30f, GradientClipping.GlobalNorm(gradients));
    }

    [Fact]
    public void Gradients_below_the_maximum_are_left_untouched_and_the_norm_is_still_reported()
    {
        float[] gradients = [0.3f, -0.4f];
        var result = GradientClipping.ClipByGlobalNorm(gradients, maxNorm: 1.0);
        Assert.Equal(0.5f, result.Norm);
        Assert.Equal(1f, result.Scale);
        Assert.False(result.Clipped);
        Assert.Equal([0.3f, -0.4f], gradients);
    }

    [Fact]
    public void Gradients_above_the_maximum_are_scaled_by_max_over_norm_plus_1e_6()
    {
        var gradients = Enumerable.Range(1, 21).Select(i => (float)i).ToArray();
        var original = gradients.ToArray();
        var result = GradientClipping.ClipByGlobalNorm(gradients, maxNorm: 2.0);
        var expectedScale = 1f / (result.Norm + 1e-6f) * 2f;
        Assert.True(result.Clipped);
        Assert.Equal(expectedScale, result.Scale);
        Assert.Equal(original.Select(value => value * expectedScale), gradients);
        Assert.Equal(2f, GradientClipping.GlobalNorm(gradients), 1e-5f);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_non_finite_norm_is_reported_and_the_gradients_are_left_alone(float bad)
    {
        float[] gradients = [1f, bad, 2f];
        var result = GradientClipping.ClipByGlobalNorm(gradients, maxNorm: 1.0);
        Assert.False(result.IsFinite);
        Assert.False(result.Clipped);
        Assert.Equal(1f, gradients[0]);
        Assert.Equal(2f, gradients[2]);
    }

    [Fact]
    public void Infinite_maximum_only_measures()
    {
        float[] gradients = [300f, 400f];
        var result = GradientClipping.ClipByGlobalNorm(gradients, double.PositiveInfinity);
        Assert.Equal(500f, result.Norm);
        Assert.Equal([300f, 400f], gradients);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Maximum_must_be_positive(double maxNorm) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm(new float[2], maxNorm));
}
