// Keras 3's own vectors for CosineDecay and CosineDecayRestarts (schedulers.md C16): keras-team/keras
// keras/src/optimizers/schedules/learning_rate_schedule_test.py @3422977. The schedule is called with the optimizer's
// iteration count, so the value at step k is Rate(k). Keras computes in float32: 6 significant digits are compared.
namespace Ramp.Tests.Cosine;

public class KerasVectorsTests
{
    private static readonly long[] Quarters = [0, 250, 500, 750, 1000, 1250];

    [Theory]
    [InlineData("keras.CosineDecay(1.0, 1000)", new[] { 1, 0.853553, 0.5, 0.146447, 0, 0 })]
    [InlineData("keras.CosineDecay(1.0, 1000, alpha=0.1)", new[] { 1, 0.868198, 0.55, 0.231802, 0.1, 0.1 })]
    [InlineData("keras.CosineDecayRestarts(1.0, 1000)", new[] { 1, 0.853553, 0.5, 0.146447, 1, 0.96194 })]
    [InlineData("keras.CosineDecayRestarts(1.0, 1000, m_mul=0.9)", new[] { 1, 0.853553, 0.5, 0.146447, 0.9, 0.865746 })]
    [InlineData("keras.CosineDecayRestarts(1.0, 1000, alpha=0.1)", new[] { 1, 0.868198, 0.55, 0.231802, 1, 0.965746 })]
    [InlineData("keras.CosineDecayRestarts(1.0, 1000, t_mul=1.0)", new[] { 1, 0.853553, 0.5, 0.146447, 1, 0.853553 })]
    public void Matches_the_learning_rate_schedule_tests(string spec, double[] expected)
    {
        var schedule = Schedule.Parse(spec);
        for (var i = 0; i < Quarters.Length; i++)
        {
            Expect.Close(expected[i], schedule.Rate(Quarters[i]), 1e-5, 1e-3);
        }
    }

    // CosineDecay(0.0, 1000, warmup_target=10.0, warmup_steps=2000) at 0..2750 step 250: decay_steps counts after warmup.
    [Fact]
    public void Cosine_decay_warms_up_before_decaying_over_decay_steps()
    {
        var schedule = Schedule.Parse("keras.CosineDecay(0.0, 1000, warmup_target=10.0, warmup_steps=2000)");
        double[] expected = [0, 1.25, 2.5, 3.75, 5, 6.25, 7.5, 8.75, 10, 8.53553, 5, 1.46447];
        for (var i = 0; i < expected.Length; i++)
        {
            Expect.Close(expected[i], schedule.Rate(250 * i), 1e-5, 1);
        }

        Assert.Equal(0.0, schedule.Rate(5000), 12);
    }

    [Fact]
    public void Restarts_test_reference_loop_matches_for_several_restarts()
    {
        // The test's reference: while step >= D: step -= D; D *= t_mul; fac *= m_mul; value = (1 - a) * fac * 0.5 * (1 + cos(pi * step / D)) + a.
        var schedule = Schedule.Parse("keras.CosineDecayRestarts(2.0, 100, t_mul=2.0, m_mul=0.7, alpha=0.05)");
        for (var step = 0L; step < 1600; step += 7)
        {
            var (position, length, factor) = ((double)step, 100.0, 1.0);
            while (position >= length)
            {
                position -= length;
                length *= 2;
                factor *= 0.7;
            }

            Expect.Close(2.0 * ((0.95 * factor * 0.5 * (1 + Math.Cos(Math.PI * position / length))) + 0.05), schedule.Rate(step), 1e-9);
        }
    }

    [Fact]
    public void Tensorflow_1_names_resolve_to_the_same_entries()
    {
        Assert.Equal(
            Schedule.Parse("keras.CosineDecay(0.1, 1000)").Rate(300),
            Schedule.Parse("tf.compat.v1.train.cosine_decay(0.1, 1000)").Rate(300));
        Assert.Equal(
            Schedule.Parse("tf.LinearCosineDecay(0.1, 1000)").Rate(300),
            Schedule.Parse("tf.compat.v1.train.linear_cosine_decay(0.1, 1000)").Rate(300));
    }

    [Fact]
    public void Linear_cosine_decay_follows_tensorflows_formula()
    {
        var schedule = Schedule.Parse("tf.LinearCosineDecay(0.5, 100, num_periods=2, alpha=0.1, beta=0.01)");
        foreach (var step in (long[])[0, 13, 50, 99, 100, 150])
        {
            var s = Math.Min(step, 100);
            var expected = 0.5 * (((0.1 + ((100.0 - s) / 100)) * 0.5 * (1 + Math.Cos(Math.PI * 2 * 2 * s / 100))) + 0.01);
            Expect.Close(expected, schedule.Rate(step), 1e-12);
        }
    }

    [Fact]
    public void Noisy_linear_cosine_decay_is_fixed_per_seed_and_step_and_shrinks_its_noise()
    {
        var schedule = Schedule.Parse("tf.NoisyLinearCosineDecay(1.0, 1000, initial_variance=0.01, seed=5)");
        var same = Schedule.Parse("tf.NoisyLinearCosineDecay(1.0, 1000, initial_variance=0.01, seed=5)");
        var other = Schedule.Parse("tf.NoisyLinearCosineDecay(1.0, 1000, initial_variance=0.01, seed=6)");
        var clean = Schedule.Parse("tf.LinearCosineDecay(1.0, 1000)");

        Assert.Equal(schedule.Rate(123), same.Rate(123));
        Assert.NotEqual(schedule.Rate(123), other.Rate(123));
        var early = Enumerable.Range(0, 200).Average(step => Math.Abs(schedule.Rate(step) - clean.Rate(step)));
        var late = Enumerable.Range(700, 200).Average(step => Math.Abs(schedule.Rate(step) - clean.Rate(step)));
        Assert.True(late < early, $"noise should shrink: early {early}, late {late}");
    }
}
