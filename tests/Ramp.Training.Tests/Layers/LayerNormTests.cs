using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class LayerNormTests
{
    [Fact]
    public void Forward_gives_zero_mean_unit_variance_rows_before_the_affine_transform()
    {
        float[] input = [1, 2, 3, 4, 10, 10, 10, 14];
        var output = new float[8];
        var mean = new float[2];
        var rstd = new float[2];

        LayerNorm.Forward(input, [1, 1, 1, 1], [0, 0, 0, 0], 2, 4, output, mean, rstd);

        Assert.Equal([2.5f, 11f], mean);
        Assert.Equal(1 / MathF.Sqrt(1.25f + LayerNorm.Epsilon), rstd[0], 6);
        Assert.Equal(0f, output[..4].Sum(), 5);
        Assert.Equal(4f, output[..4].Sum(v => v * v), 3);
    }

    [Theory]
    [InlineData(4, 0f)]
    [InlineData(19, 3f)]
    public void Backward_matches_central_differences(int channels, float offset)
    {
        var generator = new RandomGenerator(14);
        const int Rows = 3;
        var input = GradientCheck.Uniform(generator, Rows * channels, offset - 2, offset + 2);
        var weight = GradientCheck.Uniform(generator, channels, 0.5f, 1.5f);
        var bias = GradientCheck.Uniform(generator, channels);
        var weights = GradientCheck.Uniform(generator, input.Length);
        var output = new float[input.Length];
        var mean = new float[Rows];
        var rstd = new float[Rows];
        double Objective()
        {
            LayerNorm.Forward(input, weight, bias, Rows, channels, output, mean, rstd);
            return GradientCheck.Objective(output, weights);
        }

        Objective();
        var inputBefore = GradientCheck.Uniform(generator, input.Length);
        var weightBefore = GradientCheck.Uniform(generator, channels);
        var biasBefore = GradientCheck.Uniform(generator, channels);
        var inputGradient = (float[])inputBefore.Clone();
        var weightGradient = (float[])weightBefore.Clone();
        var biasGradient = (float[])biasBefore.Clone();
        LayerNorm.Backward(weights, input, weight, mean, rstd, Rows, channels, inputGradient, weightGradient, biasGradient);

        GradientCheck.AssertMatches("input", input, inputGradient, inputBefore, Objective);
        GradientCheck.AssertMatches("weight", weight, weightGradient, weightBefore, Objective);
        GradientCheck.AssertMatches("bias", bias, biasGradient, biasBefore, Objective);
    }

    [Fact]
    public void Matches_PyTorch_layer_norm()
    {
        var fixture = OpsFixture.Load("layer_norm");
        int rows = fixture.Size("rows"), channels = fixture.Size("channels");
        var input = fixture.Floats("input");
        var weight = fixture.Floats("weight");
        var output = new float[rows * channels];
        var mean = new float[rows];
        var rstd = new float[rows];
        var inputGradient = new float[rows * channels];
        var weightGradient = new float[channels];
        var biasGradient = new float[channels];

        LayerNorm.Forward(input, weight, fixture.Floats("bias"), rows, channels, output, mean, rstd);
        LayerNorm.Backward(fixture.Floats("output_gradient"), input, weight, mean, rstd, rows, channels, inputGradient, weightGradient, biasGradient);

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), inputGradient);
        OpsFixture.AssertClose("weight gradient", fixture.Floats("weight_gradient"), weightGradient);
        OpsFixture.AssertClose("bias gradient", fixture.Floats("bias_gradient"), biasGradient);
    }
}
