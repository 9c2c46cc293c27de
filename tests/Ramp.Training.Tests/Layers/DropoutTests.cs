using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class DropoutTests
{
    [Fact]
    public void Evaluation_mode_is_the_identity_and_does_not_advance_the_generator()
    {
        var generator = new RandomGenerator(20);
        var state = generator.State;
        float[] input = [1, -2, 3, 0.5f, 7];
        var output = new float[5];
        var mask = new float[5];

        Dropout.Forward(input, 0.5f, false, generator, mask, output);

        Assert.Equal(input, output);
        Assert.All(mask, m => Assert.Equal(1f, m));
        Assert.Equal(state, generator.State);
    }

    [Fact]
    public void Training_mode_keeps_one_minus_p_and_scales_kept_values_by_one_over_one_minus_p()
    {
        const float P = 0.3f;
        const int Count = 200_000;
        var input = new float[Count];
        Array.Fill(input, 2f);
        var output = new float[Count];
        var mask = new float[Count];

        Dropout.Forward(input, P, true, new RandomGenerator(21), mask, output);

        var kept = output.Count(v => v != 0f);
        Assert.All(output, v => Assert.True(v == 0f || v == 2f / (1f - P), $"unexpected value {v}"));

        // Binomial(200000, 0.7): standard deviation 205; allow 5 of them.
        Assert.InRange(kept, (Count * (1 - P)) - 1025, (Count * (1 - P)) + 1025);
    }

    [Fact]
    public void Inverted_dropout_preserves_the_expected_value()
    {
        // E[dropout(x)] = x: average one input over 100000 masks; the mean of the average has standard
        // deviation x·sqrt(p/(1-p))/sqrt(100000) = 0.0019 for x = 1, p = 0.25; allow 5 of them.
        var generator = new RandomGenerator(22);
        var mask = new float[100_000];
        Dropout.FillMask(0.25f, generator, mask);

        Assert.Equal(1.0, mask.Average(), 0.0095);
    }

    [Fact]
    public void Same_seed_gives_the_same_mask_and_backward_uses_the_forward_mask()
    {
        var input = GradientCheck.Uniform(new RandomGenerator(23), 33, 0.5f, 1.5f);
        var output = new float[33];
        var mask = new float[33];
        var again = new float[33];

        Dropout.Forward(input, 0.5f, true, new RandomGenerator(24), mask, output);
        Dropout.FillMask(0.5f, new RandomGenerator(24), again);
        var gradient = new float[33];
        Dropout.Backward(Enumerable.Repeat(1f, 33).ToArray(), mask, gradient);

        Assert.Equal(mask, again);
        for (var i = 0; i < 33; i++)
        {
            Assert.Equal(output[i] == 0f ? 0f : 2f, gradient[i]);
        }
    }

    [Fact]
    public void Drop_probability_one_zeroes_everything_and_zero_copies()
    {
        float[] input = [1, 2, 3];
        var output = new float[3];
        var mask = new float[3];

        Dropout.Forward(input, 1f, true, new RandomGenerator(25), mask, output);
        Assert.Equal([0f, 0f, 0f], output);

        Dropout.Forward(input, 0f, true, new RandomGenerator(25), mask, output);
        Assert.Equal(input, output);
    }

    [Fact]
    public void Backward_matches_central_differences_for_a_fixed_mask()
    {
        var generator = new RandomGenerator(26);
        var input = GradientCheck.Uniform(generator, 21);
        var mask = new float[21];
        Dropout.FillMask(0.4f, generator, mask);
        var weights = GradientCheck.Uniform(generator, 21);
        var output = new float[21];
        double Objective()
        {
            Dropout.Forward(input, mask, output);
            return GradientCheck.Objective(output, weights);
        }

        var before = GradientCheck.Uniform(generator, 21);
        var gradient = (float[])before.Clone();
        Dropout.Backward(weights, mask, gradient);

        GradientCheck.AssertMatches("input", input, gradient, before, Objective);
    }

    [Fact]
    public void Matches_PyTorch_scaling_of_kept_elements()
    {
        // PyTorch's random mask differs from ours; the kept positions are read from its output, and the same
        // mask must reproduce its output and its gradient.
        var fixture = OpsFixture.Load("dropout");
        var probability = fixture.Number("probability");
        var expected = fixture.Floats("output");
        var mask = expected.Select(v => v == 0f ? 0f : 1f / (1f - probability)).ToArray();
        var output = new float[expected.Length];
        var gradient = new float[expected.Length];

        Dropout.Forward(fixture.Floats("input"), mask, output);
        Dropout.Backward(fixture.Floats("output_gradient"), mask, gradient);

        OpsFixture.AssertClose("output", expected, output);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), gradient);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Probability_outside_zero_to_one_is_rejected(float probability)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Dropout.FillMask(probability, new RandomGenerator(1), new float[4]));
}
