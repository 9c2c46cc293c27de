// optax's own checks of polynomial_schedule, piecewise_constant_schedule and exponential_decay.
// Source: google-deepmind/optax optax/schedules/_schedule_test.py @2edbcbe (schedulers.md C15j, C15k, C15l).
// The tests call schedule(count), count 0 at the first update: expected == Rate(count). optax compares in
// float32 with atol 1e-3; the expected values here are the tests' formulas in double, checked to 1e-12.
namespace Ramp.Tests.Decay;

public class OptaxDecayVectorTests
{
    [Fact]
    public void Polynomial_test_linear()
        => Rates.Equal([.. Rates.Of(10, n => 10 + n), .. Rates.Repeat(20, 5)], Schedule.Parse("polynomial_schedule(init_value=10., end_value=20., power=1, transition_steps=10)"));

    [Fact]
    public void Polynomial_test_nonlinear()
        => Rates.Equal(
            [.. Rates.Of(10, n => 10 + (15 * Math.Pow(1 - (n / 10.0), 2))), .. Rates.Repeat(10, 5)],
            Schedule.Parse("polynomial_schedule(init_value=25., end_value=10., power=2, transition_steps=10)"));

    [Fact]
    public void Polynomial_test_with_decay_begin()
        => Rates.Equal(
            [.. Rates.Repeat(30, 4), .. Rates.Of(10, n => 10 + (20 * Math.Pow(1 - (n / 10.0), 2))), .. Rates.Repeat(10, 6)],
            Schedule.Parse("polynomial_schedule(init_value=30., end_value=10., power=2, transition_steps=10, transition_begin=4)"));

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Polynomial_test_zero_steps_schedule_holds_init_value(int steps)
        => Rates.Equal(Rates.Repeat(10, 15), Schedule.Parse($"polynomial_schedule(init_value=10., end_value=20., power=1, transition_steps={steps})"));

    [Fact]
    public void Linear_schedule_is_polynomial_with_power_one()
        => Rates.Equal(
            [.. Rates.Repeat(1, 3), .. Rates.Of(4, n => 1 - (0.25 * n)), .. Rates.Repeat(0, 3)],
            Schedule.Parse("linear_schedule(init_value=1, end_value=0, transition_steps=4, transition_begin=3)"));

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.1)]
    public void PiecewiseConstant_test_positive_and_test_negative(double init)
    {
        var schedule = Schedule.Parse($"piecewise_constant_schedule({init:R}, {{3: 2., 6: 0.5}})");

        Rates.Equal([.. new[] { 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1 }.Select(value => value * Math.Sign(init))], schedule);
    }

    [Fact]
    public void PiecewiseConstant_without_boundaries_is_constant()
        => Rates.Equal(Rates.Repeat(0.3, 5), Schedule.Parse("piecewise_constant_schedule(0.3)"));

    [Fact]
    public void Exponential_test_immutable_count()
        => Rates.Equal([32, 16, 8, 4, 2], Schedule.Parse("optax.exponential_decay(init_value=32., transition_steps=1, decay_rate=0.5)"));

    // test_exponential: init 1, transition_steps 2, decay_rate 2, 15 + begin counts.
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 5)]
    [InlineData(true, 5)]
    public void Exponential_test_exponential(bool staircase, int begin)
    {
        var schedule = Schedule.Parse($"optax.exponential_decay(init_value=1., transition_steps=2, decay_rate=2., transition_begin={begin}, staircase={staircase})");

        Rates.Equal([.. Rates.Repeat(1, begin), .. Rates.Of(15, count => Math.Pow(2, staircase ? count / 2 : count / 2.0))], schedule);
    }

    // test_end_value_with_staircase: init 1, transition_steps 2, begin 3, 11 + 3 counts; end_value clips
    // from below when decay_rate < 1 and from above otherwise.
    [Theory]
    [InlineData(0.2, 0.1, false)]
    [InlineData(1.0, 0.1, false)]
    [InlineData(2.0, 3.0, false)]
    [InlineData(0.2, 0.1, true)]
    [InlineData(1.0, 0.1, true)]
    [InlineData(2.0, 3.0, true)]
    public void Exponential_test_end_value_with_staircase(double rate, double end, bool staircase)
    {
        var schedule = Schedule.Parse($"optax.exponential_decay(init_value=1., transition_steps=2, decay_rate={rate:R}, transition_begin=3, staircase={staircase}, end_value={end:R})");
        var unclipped = Rates.Of(11, count => Math.Pow(rate, staircase ? count / 2 : count / 2.0));
        double[] expected = [.. Rates.Repeat(1, 3), .. unclipped];

        Rates.Equal([.. expected.Select(value => rate < 1 ? Math.Max(value, end) : Math.Min(value, end))], schedule);
    }

    [Theory]
    [InlineData("transition_steps=15, decay_rate=1.")]
    [InlineData("transition_steps=-1, decay_rate=1.")]
    [InlineData("transition_steps=0, decay_rate=1.")]
    [InlineData("transition_steps=2, decay_rate=0.")]
    public void Exponential_constant_and_nonvalid_cases_hold_init_value(string arguments)
        => Rates.Equal(Rates.Repeat(1, 15), Schedule.Parse($"optax.exponential_decay(init_value=1., {arguments})"));

    [Fact]
    public void Warmup_exponential_decay_joins_a_linear_warmup_and_a_decay_restarted_at_the_boundary()
    {
        var schedule = Schedule.Parse("warmup_exponential_decay_schedule(init_value=0, peak_value=1, warmup_steps=4, transition_steps=2, decay_rate=0.5, end_value=0.2)");

        Rates.Equal([0, 0.25, 0.5, 0.75, 1, Math.Sqrt(0.5), 0.5, Math.Sqrt(0.125), 0.25, 0.2, 0.2], schedule);
    }

    [Fact]
    public void Warmup_constant_ramps_then_holds_the_peak()
        => Rates.Equal([0.1, 0.4, 0.7, 1, 1, 1], Schedule.Parse("warmup_constant_schedule(init_value=0.1, peak_value=1, warmup_steps=3)"));

    [Fact]
    public void Constant_schedule_allows_any_finite_value()
        => Rates.Equal(Rates.Repeat(-2.5, 4), Schedule.Parse("constant_schedule(-2.5)"));

    [Theory]
    [InlineData("piecewise_constant_schedule(1, {2.5: 0.1})", "boundaries_and_scales has the boundary 2.5; allowed: distinct integers >= 0")]
    [InlineData("piecewise_constant_schedule(1, {3: -1})", "boundaries_and_scales[3]=-1 is not allowed; allowed: a map of numbers to numbers >= 0")]
    [InlineData("optax.exponential_decay(1, 10, 0.5, transition_begin=-1)", "transition_begin=-1 is not allowed; allowed: an integer >= 0")]
    public void Rejects_bad_optax_arguments_in_one_line(string spec, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
