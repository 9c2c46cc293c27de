// Hugging Face's get_inverse_sqrt_schedule and fairseq's inverse_sqrt and polynomial_decay.
// Sources: huggingface/transformers tests/optimization/test_optimization.py @74714520 ScheduleInitTest
// (schedulers.md C1g; AdamW lr=10, harness B, HF's tolerance 1e-2 on values printed to 4 digits, checked here
// to 5e-4), and the fairseq sample values of schedulers.md b.6 (fairseq/optim/lr_scheduler @3d262bb; update
// k+1 runs at f(k), so expected[n] == Rate(n); 6 printed digits, checked to 5e-7).
namespace Ramp.Tests.Decay;

public class InverseSqrtPeerTests
{
    [Fact]
    public void HuggingFace_inverse_sqrt_matches_C1g()
        => Rates.Equal(
            [0.0, 5.0, 10.0, 8.165, 7.071, 6.325, 5.774, 5.345, 5.0, 4.714],
            Schedule.Parse("get_inverse_sqrt_schedule(num_warmup_steps=2)"),
            baseRate: 10,
            relative: 0,
            absolute: 5e-4);

    [Fact]
    public void HuggingFace_inverse_sqrt_defaults_the_timescale_to_10000_without_warmup()
        => Rates.Equal(Rates.Of(5, step => 1 / Math.Sqrt((step + 10_000.0) / 10_000)), Schedule.Parse("get_inverse_sqrt_schedule(num_warmup_steps=0)"));

    [Fact]
    public void HuggingFace_inverse_sqrt_is_relative_to_each_groups_base_rate()
    {
        var schedule = Schedule.Parse("transformers.get_inverse_sqrt_schedule(num_warmup_steps=4, timescale=2)");

        Assert.Equal(RateScale.Relative, schedule.Scale);
        Rates.Close(0.3 * Math.Sqrt(2.0 / 3), schedule.Rate(5, 0.3));
    }

    [Fact]
    public void Fairseq_inverse_sqrt_matches_the_b6_sample()
        => Rates.Equal(
            [0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497, 0.755929, 0.707107],
            Schedule.Parse("fairseq.inverse_sqrt(warmup_updates=4, lr=[1])"),
            relative: 0,
            absolute: 5e-7);

    [Fact]
    public void Fairseq_inverse_sqrt_warms_up_from_warmup_init_lr()
        => Rates.Equal([0.1, 0.4, 0.7, 1.0, Math.Sqrt(3.0 / 4)], Schedule.Parse("fairseq.inverse_sqrt(warmup_updates=3, warmup_init_lr=0.1, lr=1)"));

    [Fact]
    public void Fairseq_inverse_sqrt_is_absolute_with_fairseqs_defaults()
    {
        var schedule = Schedule.Parse("fairseq.inverse_sqrt");

        Assert.Equal(RateScale.Absolute, schedule.Scale);
        Assert.Equal("fairseq.inverse_sqrt(warmup_updates=4000, warmup_init_lr=-1, lr=[0.25])", schedule.ToString());
        Rates.Close(0.25 * Math.Sqrt(4000.0 / 9000), schedule.Rate(9000, baseRate: 7));
    }

    [Fact]
    public void Fairseq_polynomial_decay_warms_up_from_zero_then_decays_to_the_end_rate()
    {
        var schedule = Schedule.Parse("fairseq.polynomial_decay(warmup_updates=2, end_learning_rate=0.1, power=2, total_num_update=6, lr=[1])");

        // n <= 2: n/2; then (1 - 0.1)·(1 - (n - 2)/4)² + 0.1; from n = 6 on: 0.1.
        Rates.Equal([0, 0.5, 1, 0.1 + (0.9 * 0.5625), 0.1 + (0.9 * 0.25), 0.1 + (0.9 * 0.0625), 0.1, 0.1], schedule);
    }

    [Fact]
    public void Fairseq_polynomial_decay_without_warmup_starts_at_lr()
        => Rates.Equal([0.5, 0.375, 0.25, 0.125, 0, 0], Schedule.Parse("fairseq.polynomial_decay(total_num_update=4, lr=[0.5])"));

    [Theory]
    [InlineData("fairseq.inverse_sqrt(lr=[0.1, 0.2])", "lr has 2 values; allowed: exactly one")]
    [InlineData("fairseq.inverse_sqrt(warmup_updates=0)", "warmup_updates=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("fairseq.polynomial_decay(warmup_updates=10, total_num_update=10)", "total_num_update=10 is not allowed; allowed: more than warmup_updates (10)")]
    [InlineData("get_inverse_sqrt_schedule(num_warmup_steps=10, timescale=0)", "timescale=0 is not allowed; allowed: a number > 0 or None")]
    public void Rejects_bad_arguments_in_one_line(string spec, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
