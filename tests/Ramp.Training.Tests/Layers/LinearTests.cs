using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class LinearTests
{
    [Fact]
    public void Forward_uses_the_PyTorch_weight_layout_out_by_in()
    {
        // weight (2, 3): output[j] = sum_i input[i] * weight[j, i] + bias[j]
        float[] weight = [1, 0, 0, 0, 1, 1];
        var output = new float[2];

        Linear.Forward([2, 3, 4], weight, [0.5f, -1f], 1, 3, 2, output);

        Assert.Equal([2.5f, 6f], output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Backward_matches_central_differences(bool withBias)
    {
        var generator = new RandomGenerator(13);
        const int Rows = 4, In = 5, Out = 3;
        var input = GradientCheck.Uniform(generator, Rows * In);
        var weight = GradientCheck.Uniform(generator, Out * In);
        var bias = withBias ? GradientCheck.Uniform(generator, Out) : [];
        var weights = GradientCheck.Uniform(generator, Rows * Out);
        var output = new float[Rows * Out];
        double Objective()
        {
            Linear.Forward(input, weight, bias, Rows, In, Out, output);
            return GradientCheck.Objective(output, weights);
        }

        var inputBefore = GradientCheck.Uniform(generator, input.Length);
        var weightBefore = GradientCheck.Uniform(generator, weight.Length);
        var biasBefore = GradientCheck.Uniform(generator, bias.Length);
        var inputGradient = (float[])inputBefore.Clone();
        var weightGradient = (float[])weightBefore.Clone();
        var biasGradient = (float[])biasBefore.Clone();
        Objective();
        Linear.Backward(weights, input, weight, Rows, In, Out, inputGradient, weightGradient, biasGradient);

        GradientCheck.AssertMatches("input", input, inputGradient, inputBefore, Objective);
        GradientCheck.AssertMatches("weight", weight, weightGradient, weightBefore, Objective);
        GradientCheck.AssertMatches("bias", bias, biasGradient, biasBefore, Objective);
    }

    [Fact]
    public void Matches_PyTorch_linear()
    {
        var fixture = OpsFixture.Load("linear");
        int rows = fixture.Size("rows"), inputs = fixture.Size("input_channels"), outputs = fixture.Size("output_channels");
        var input = fixture.Floats("input");
        var weight = fixture.Floats("weight");
        var output = new float[rows * outputs];
        var inputGradient = new float[rows * inputs];
        var weightGradient = new float[outputs * inputs];
        var biasGradient = new float[outputs];

        Linear.Forward(input, weight, fixture.Floats("bias"), rows, inputs, outputs, output);
        Linear.Backward(fixture.Floats("output_gradient"), input, weight, rows, inputs, outputs, inputGradient, weightGradient, biasGradient);

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), inputGradient);
        OpsFixture.AssertClose("weight gradient", fixture.Floats("weight_gradient"), weightGradient);
        OpsFixture.AssertClose("bias gradient", fixture.Floats("bias_gradient"), biasGradient);
    }

    [Fact]
    public void Weight_of_the_wrong_shape_is_rejected()
        => Assert.Throws<ArgumentException>(() => Linear.Forward(new float[6], new float[5], [], 2, 3, 2, new float[4]));
}
