using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class ActivationTests
{
    // Inputs kept at least 0.05 away from ReLU's kink, so the central difference never straddles it.
    private static float[] AwayFromZero(RandomGenerator generator, int length)
    {
        var values = GradientCheck.Uniform(generator, length, -3f, 3f);
        for (var i = 0; i < values.Length; i++)
        {
            if (MathF.Abs(values[i]) < 0.05f)
            {
                values[i] += 0.1f;
            }
        }

        return values;
    }

    [Fact]
    public void Relu_backward_matches_central_differences()
    {
        var generator = new RandomGenerator(30);
        var input = AwayFromZero(generator, 27);
        var weights = GradientCheck.Uniform(generator, 27);
        var output = new float[27];
        double Objective()
        {
            Relu.Forward(input, output);
            return GradientCheck.Objective(output, weights);
        }

        var before = GradientCheck.Uniform(generator, 27);
        var gradient = (float[])before.Clone();
        Relu.Backward(weights, input, gradient);

        GradientCheck.AssertMatches("input", input, gradient, before, Objective);
    }

    [Theory]
    [InlineData(GeluApproximation.None)]
    [InlineData(GeluApproximation.Tanh)]
    public void Gelu_backward_matches_central_differences(GeluApproximation approximation)
    {
        var generator = new RandomGenerator(31);
        var input = GradientCheck.Uniform(generator, 29, -5f, 5f);
        var weights = GradientCheck.Uniform(generator, 29);
        var output = new float[29];
        double Objective()
        {
            Gelu.Forward(input, approximation, output);
            return GradientCheck.Objective(output, weights);
        }

        var before = GradientCheck.Uniform(generator, 29);
        var gradient = (float[])before.Clone();
        Gelu.Backward(weights, input, approximation, gradient);

        GradientCheck.AssertMatches("input", input, gradient, before, Objective);
    }

    [Theory]
    [InlineData("relu", null)]
    [InlineData("gelu", GeluApproximation.None)]
    [InlineData("gelu_tanh", GeluApproximation.Tanh)]
    public void Matches_PyTorch(string name, GeluApproximation? approximation)
    {
        var fixture = OpsFixture.Load(name);
        var input = fixture.Floats("input");
        var output = new float[input.Length];
        var gradient = new float[input.Length];

        if (approximation is { } form)
        {
            Gelu.Forward(input, form, output);
            Gelu.Backward(fixture.Floats("output_gradient"), input, form, gradient);
        }
        else
        {
            Relu.Forward(input, output);
            Relu.Backward(fixture.Floats("output_gradient"), input, gradient);
        }

        // PyTorch forms 1 + erf(x/√2) in float32, which cancels to an absolute error of about |x|·6e-8 in the
        // negative tail (gelu(-7) is 0 there, -8.96e-12 exactly); hence the absolute term.
        OpsFixture.AssertClose("output", fixture.Floats("output"), output, 1e-6, 1e-5);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), gradient, 1e-6, 1e-5);
    }

    [Theory]
    [InlineData(-7f, -8.958687807201e-12)]
    [InlineData(-5f, -1.433257859396e-6)]
    [InlineData(-3f, -4.049694094890e-3)]
    [InlineData(-0.5f, -0.1542687694)]
    [InlineData(1f, 0.8413447461)]
    [InlineData(4f, 3.999873315)]
    public void Exact_gelu_keeps_its_relative_accuracy_in_the_negative_tail(float x, double expected)
    {
        // Expected: x·Φ(x) from tables of the normal distribution (Φ(-7) = 1.279812544e-12, Φ(-5) = 2.866515719e-7,
        // Φ(-3) = 1.349898032e-3, Φ(-0.5) = 0.3085375387, Φ(1) = 0.8413447461, Φ(4) = 0.9999683288).
        var output = new float[1];
        Gelu.Forward([x], GeluApproximation.None, output);

        Assert.True(Math.Abs(output[0] - expected) <= 1e-6 * Math.Abs(expected), $"gelu({x}) = {output[0]:G9}, expected {expected:G10}");
    }

    [Theory]
    [InlineData(GeluApproximation.None)]
    [InlineData(GeluApproximation.Tanh)]
    public void Gelu_is_finite_and_saturates_for_large_inputs(GeluApproximation approximation)
    {
        float[] input = [-1e4f, -100f, 100f, 1e4f];
        var output = new float[4];
        var gradient = new float[4];

        Gelu.Forward(input, approximation, output);
        Gelu.Backward([1, 1, 1, 1], input, approximation, gradient);

        Assert.Equal([-0f, -0f, 100f, 1e4f], output);
        Assert.Equal([0f, 0f, 1f, 1f], gradient);
    }
}
