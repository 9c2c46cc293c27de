// Paddle's LinearWarmup (C20): PaddlePaddle/Paddle test/legacy_test/test_lr_scheduler.py @04a048e, which
// reads the lr before scheduler.step() at epochs 0..19, so expected[k] is Rate(k).
using Ramp.Tests.Running;

namespace Ramp.Tests.Warmup;

public class PaddleLinearWarmupTests
{
    [Fact]
    public void Ramps_from_start_lr_then_holds_a_fixed_learning_rate()
    {
        var warmup = Schedule.Parse("paddle.LinearWarmup(learning_rate=0.5, warmup_steps=10, start_lr=0, end_lr=0.5)");

        // The warmup part of C20's literal vector, then the float learning_rate itself.
        Drive.Close([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.5, 0.5], Drive.Rates(warmup, 13));
    }

    [Fact]
    public void Starts_a_wrapped_scheduler_at_its_step_zero_after_the_warmup()
    {
        var inner = Schedule.Parse("paddle.LinearWarmup(learning_rate=0.1, warmup_steps=3, start_lr=0.2, end_lr=0.5)");
        var warmup = Schedule.Parse($"paddle.LinearWarmup(learning_rate={inner}, warmup_steps=2, start_lr=0, end_lr=1)");

        Drive.Close([0, 0.5, 0.2, 0.3, 0.4, 0.1, 0.1], Drive.Rates(warmup, 7));
    }

    [Fact]
    public void Is_absolute_so_base_rates_do_not_scale_it()
        => Assert.Equal(0.05, Schedule.Parse("paddle.LinearWarmup(0.5, 10, 0, 0.5)").Rate(1, 123.0));

    // C20 literal composite: LinearWarmup(PiecewiseDecay([3, 6], [0.5, 0.2, 0.1]), warmup_steps=10, start_lr=0, end_lr=0.5)
    // at epochs 0..19. Needs Paddle's PiecewiseDecay, which the decay helper writes.
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C20_literal_composite_with_PiecewiseDecay_NeedsDecayMerge()
    {
        var warmup = Schedule.Parse("paddle.LinearWarmup(learning_rate=paddle.PiecewiseDecay([3, 6], [0.5, 0.2, 0.1]), warmup_steps=10, start_lr=0, end_lr=0.5)");

        Drive.Close(
            [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.5, 0.5, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1],
            Drive.Rates(warmup, 20));
    }

    [Theory]
    [InlineData("paddle.LinearWarmup(learning_rate=0.5, warmup_steps=10, start_lr=0.5, end_lr=0.5)", "LinearWarmup: end_lr=0.5 must be greater than start_lr=0.5")]
    [InlineData("paddle.LinearWarmup(learning_rate=constant(1), warmup_steps=10, start_lr=0, end_lr=0.5)", "LinearWarmup: learning_rate=constant(value=1) is relative (a factor of a base rate); Paddle's LinearWarmup needs a number or an absolute schedule")]
    [InlineData("paddle.LinearWarmup(learning_rate='high', warmup_steps=10, start_lr=0, end_lr=0.5)", "LinearWarmup: learning_rate='high' is not allowed; allowed: a schedule or a number >= 0")]
    [InlineData("paddle.LinearWarmup(learning_rate=0.5, warmup_steps=0, start_lr=0, end_lr=0.5)", "LinearWarmup: warmup_steps=0 is not allowed; allowed: an integer >= 1")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_with_its_qualifier_and_parses_back()
    {
        var schedule = Schedule.Parse("paddle.optimizer.lr.LinearWarmup(0.5, 20, 0, 0.5)");

        Assert.Equal("paddle.LinearWarmup(learning_rate=0.5, warmup_steps=20, start_lr=0, end_lr=0.5)", schedule.ToString());
        Assert.Equal(Drive.Rates(schedule, 30), Drive.Rates(Schedule.Parse(schedule.ToString()), 30));
    }
}
