// The per-step noise: fixed by (seed, step, draw), uniform in (0, 1), standard normal, and a normal truncated to
// (-limit, limit) with the variance the truncated law has. Seeded, so the statistics below are fixed numbers.
namespace Ramp.Tests.Cosine;

public class StepNoiseTests
{
    private const int Count = 40000;

    [Fact]
    public void Uniform_numbers_lie_in_the_open_unit_interval_with_mean_one_half()
    {
        var values = Enumerable.Range(0, Count).Select(step => StepNoise.Uniform(StepNoise.Key(9), step, 0)).ToArray();

        Assert.All(values, value => Assert.InRange(value, double.Epsilon, 1 - double.Epsilon));
        Assert.InRange(values.Average(), 0.495, 0.505);
        Assert.Equal(StepNoise.Uniform(StepNoise.Key(9), 123, 0), StepNoise.Uniform(StepNoise.Key(9), 123, 0));
        Assert.NotEqual(StepNoise.Uniform(StepNoise.Key(9), 123, 0), StepNoise.Uniform(StepNoise.Key(9), 123, 1));
        Assert.NotEqual(StepNoise.Uniform(StepNoise.Key(9), 123, 0), StepNoise.Uniform(StepNoise.Key(10), 123, 0));
    }

    [Fact]
    public void Normal_numbers_have_mean_zero_and_variance_one()
    {
        var values = Enumerable.Range(0, Count).Select(step => StepNoise.Normal(StepNoise.Key(1), step, 0)).ToArray();
        var mean = values.Average();

        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(values.Average(value => (value - mean) * (value - mean)), 0.97, 1.03);
    }

    // Standard normal quantiles (to 16 digits, from the inverse error function).
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.326347874040841)]
    [InlineData(0.001, -3.090232306167814)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.8413447460685429, 1.0)]
    public void Inverse_normal_gives_the_quantiles_to_about_1e_9(double probability, double quantile)
        => Expect.Close(quantile, StepNoise.InverseNormal(probability), 1.2e-9, 1e-9);

    // Variance of N(0, 1) restricted to (-a, a): 1 - 2 a phi(a) / (2 Phi(a) - 1); 0.0805888 for a = 0.5, 0.7737413 for a = 2.
    [Theory]
    [InlineData(0.5, 0.0805888)]
    [InlineData(2.0, 0.7737413)]
    public void Truncated_normal_numbers_stay_inside_the_limit_with_the_truncated_variance(double limit, double variance)
    {
        var values = Enumerable.Range(0, Count).Select(step => StepNoise.TruncatedNormal(StepNoise.Key(5), step, limit)).ToArray();

        Assert.All(values, value => Assert.True(Math.Abs(value) < limit));
        Assert.InRange(values.Average(), -0.02 * limit, 0.02 * limit);
        Assert.InRange(values.Average(value => value * value), variance * 0.97, variance * 1.03);
    }
}
