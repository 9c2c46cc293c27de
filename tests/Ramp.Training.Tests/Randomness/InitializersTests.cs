using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Randomness;

public class InitializersTests
{
    [Fact]
    public void Xavier_uniform_stays_within_the_Glorot_bound_and_has_its_variance()
    {
        const int FanIn = 300, FanOut = 200;
        var weight = new float[FanIn * FanOut];

        Initializers.XavierUniform(new RandomGenerator(8), FanIn, FanOut, 1f, weight);

        var bound = Math.Sqrt(6.0 / (FanIn + FanOut));
        Assert.All(weight, w => Assert.InRange(w, -bound, bound));
        Assert.True(weight.Max() > 0.99 * bound);

        // U(-a, a) has variance a²/3 = 2 / (fanIn + fanOut).
        var variance = weight.Average(w => (double)w * w);
        Assert.Equal(2.0 / (FanIn + FanOut), variance, 0.0001);
    }

    [Fact]
    public void Same_generator_state_gives_the_same_weights()
    {
        var first = new float[64];
        var second = new float[64];
        Initializers.XavierUniform(new RandomGenerator(9), 8, 8, 1f, first);
        Initializers.XavierUniform(new RandomGenerator(9), 8, 8, 1f, second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fan_below_one_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.XavierUniform(new RandomGenerator(1), 0, 4, 1f, new float[4]));
}
