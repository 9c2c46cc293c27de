using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class SoftmaxTests
{
    [Fact]
    public void Rows_sum_to_one_and_large_logits_do_not_overflow()
    {
        float[] input = [1000f, 1000f, 999f, -5f, 0f, 5f];
        var output = new float[6];

        Softmax.Forward(input, 2, 3, output);

        var e = MathF.Exp(-1f);
        Assert.Equal(1f / (2f + e), output[0], 6);
        Assert.Equal(e / (2f + e), output[2], 6);
        Assert.Equal(1f, output[3..].Sum(), 6);
    }

    [Fact]
    public void Fully_masked_row_gives_zeros_not_NaN()
    {
        float[] input = [float.NegativeInfinity, float.NegativeInfinity, 0f, float.NegativeInfinity];
        var output = new float[4];

        Softmax.Forward(input, 2, 2, output);

        Assert.Equal([0f, 0f, 1f, 0f], output);
    }

    [Fact]
    public void Backward_matches_central_differences()
    {
        var generator = new RandomGenerator(40);
        const int Rows = 3, Columns = 11;
        var input = GradientCheck.Uniform(generator, Rows * Columns, -3f, 3f);
        var weights = GradientCheck.Uniform(generator, input.Length);
        var output = new float[input.Length];
        double Objective()
        {
            Softmax.Forward(input, Rows, Columns, output);
            return GradientCheck.Objective(output, weights);
        }

        Objective();
        var before = GradientCheck.Uniform(generator, input.Length);
        var gradient = (float[])before.Clone();
        Softmax.Backward(weights, output, Rows, Columns, gradient);

        GradientCheck.AssertMatches("input", input, gradient, before, Objective);
    }

    [Fact]
    public void Matches_PyTorch_softmax()
    {
        var fixture = OpsFixture.Load("softmax");
        int rows = fixture.Size("rows"), columns = fixture.Size("columns");
        var output = new float[rows * columns];
        var gradient = new float[rows * columns];

        Softmax.Forward(fixture.Floats("input"), rows, columns, output);
        Softmax.Backward(fixture.Floats("output_gradient"), output, rows, columns, gradient);

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), gradient);
    }
}
