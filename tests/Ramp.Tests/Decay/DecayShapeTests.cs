// The defining properties of Ramp's own decay shapes: where they start and end, where they drop, their
// monotonicity, and the Transformer rule's warmup and decay.
namespace Ramp.Tests.Decay;

public class DecayShapeTests
{
    [Fact]
    public void Step_drops_by_gamma_at_each_multiple_of_step_size()
        => Rates.Equal([1, 1, 1, 0.5, 0.5, 0.5, 0.25], new StepSchedule(3, 0.5));

    [Fact]
    public void Multistep_drops_by_gamma_at_each_milestone()
        => Rates.Equal([1, 1, 0.1, 0.1, 0.1, 0.01, 0.01], Schedule.Parse("multistep(milestones=[2, 5], gamma=0.1)"), relative: 1e-15);

    [Fact]
    public void Multistep_without_milestones_is_constant()
        => Rates.Equal([1, 1, 1], new MultiStepSchedule([], 0.1));

    [Fact]
    public void Piecewise_switches_to_the_next_value_at_each_boundary()
        => Rates.Equal([2, 2, 0.5, 0.5, 0.5, 0.1], Schedule.Parse("piecewise(boundaries=[2, 5], values=[2, 0.5, 0.1])"));

    [Fact]
    public void Piecewise_with_a_boundary_at_zero_never_uses_the_first_value()
        => Assert.Equal(0.5, new PiecewiseSchedule([0], [9, 0.5]).Rate(0));

    [Fact]
    public void Linear_starts_at_start_ends_exactly_at_end_and_holds()
    {
        var schedule = new LinearSchedule(1.0 / 3, 0.7, 3);

        Assert.Equal(1.0 / 3, schedule.Rate(0));
        Assert.Equal(0.7, schedule.Rate(3));
        Assert.Equal(0.7, schedule.Rate(1000));
        Rates.Close(((1.0 / 3) + 0.7) / 2, (schedule.Rate(1) + schedule.Rate(2)) / 2);
    }

    [Fact]
    public void Linear_defaults_to_a_decay_from_one_to_zero()
        => Rates.Equal([1, 0.75, 0.5, 0.25, 0, 0], Schedule.Parse("linear(steps=4)"));

    [Fact]
    public void Exponential_is_continuous_and_staircase_floors_the_exponent()
    {
        Rates.Equal(Rates.Of(9, step => Math.Pow(0.5, step / 4.0)), new ExponentialSchedule(0.5, 4));
        Rates.Equal([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25], new ExponentialSchedule(0.5, 4, staircase: true));
    }

    [Fact]
    public void Exponential_with_a_rate_above_one_grows()
        => Rates.Equal([1, 2, 4, 8], Schedule.Parse("exponential(rate=2)"));

    [Fact]
    public void Natural_exponential_is_exp_of_minus_rate_times_time()
    {
        Rates.Equal(Rates.Of(9, step => Math.Exp(-0.3 * step / 2)), new NaturalExponentialSchedule(0.3, 2));
        Rates.Equal(Rates.Of(9, step => Math.Exp(-0.3 * (step / 2))), new NaturalExponentialSchedule(0.3, 2, staircase: true));
    }

    [Fact]
    public void Inverse_time_halves_when_rate_times_time_reaches_one()
    {
        var schedule = new InverseTimeSchedule(0.5, 10);

        Assert.Equal(1, schedule.Rate(0));
        Assert.Equal(0.5, schedule.Rate(20));
        Rates.Equal([1, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 0.5], new InverseTimeSchedule(0.5, 3, staircase: true));
    }

    [Fact]
    public void Polynomial_goes_from_start_to_end_and_holds_end()
    {
        var schedule = new PolynomialSchedule(4, end: 0.2, power: 2, start: 1.2);

        Rates.Equal([1.2, 0.2 + (1.0 * 0.5625), 0.2 + 0.25, 0.2 + 0.0625, 0.2, 0.2], schedule);
    }

    [Fact]
    public void Polynomial_with_cycle_touches_end_at_each_multiple_and_restarts_from_a_lower_peak()
    {
        var schedule = new PolynomialSchedule(4, end: 0, power: 1, cycle: true);

        // Horizons 4, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12: the factor is 1 - step/horizon.
        Rates.Equal([1, 0.75, 0.5, 0.25, 0, 0.375, 0.25, 0.125, 0, 0.25, 1.0 / 6], schedule);
    }

    [Fact]
    public void Polynomial_with_power_zero_holds_start_as_its_peers_do_since_zero_to_the_zero_is_one()
        => Rates.Equal([1, 1, 1, 1, 1], new PolynomialSchedule(3, end: 0.5, power: 0));

    [Fact]
    public void Inverse_sqrt_warms_up_from_a_non_zero_first_rate_to_one_then_decays()
    {
        var schedule = Schedule.Parse("inverse_sqrt(warmup_steps=4)");

        Rates.Equal([0.25, 0.5, 0.75, 1, Math.Sqrt(4.0 / 5), Math.Sqrt(4.0 / 6), Math.Sqrt(4.0 / 7)], schedule);
    }

    [Fact]
    public void Inverse_sqrt_with_the_default_timescale_is_the_noam_rule_divided_by_its_peak()
    {
        var ramp = new InverseSqrtSchedule(4000);
        var noam = new NoamSchedule(512, 4000);
        var peak = noam.Rate(3999);

        foreach (var step in new long[] { 0, 1, 999, 3998, 3999, 4000, 4001, 10_000, 100_000 })
        {
            Rates.Close(noam.Rate(step) / peak, ramp.Rate(step), what: $"step {step}");
        }
    }

    [Fact]
    public void Inverse_sqrt_without_warmup_starts_at_one_and_reaches_one_over_sqrt_two_after_a_timescale()
    {
        var schedule = new InverseSqrtSchedule(0, 100);

        Assert.Equal(1, schedule.Rate(0));
        Rates.Close(1 / Math.Sqrt(2), schedule.Rate(100));
        Rates.Equal(Rates.Of(5, step => 1 / Math.Sqrt(1 + step)), new InverseSqrtSchedule());
    }

    [Fact]
    public void Noam_follows_the_transformer_rule_with_n_equal_step_plus_one()
    {
        var schedule = Schedule.Parse("noam(d_model=512, warmup_steps=4000)");

        // n = 1: 512^-0.5 · 1 · 4000^-1.5 (non-zero first update); n = 4000: the peak (512 · 4000)^-0.5.
        Rates.Close(Math.Pow(512, -0.5) * Math.Pow(4000, -1.5), schedule.Rate(0));
        Rates.Close(Math.Pow(512 * 4000.0, -0.5), schedule.Rate(3999));
        Rates.Close(Math.Pow(512, -0.5) * Math.Pow(16_000, -0.5), schedule.Rate(15_999));
        Assert.Equal(RateScale.Absolute, schedule.Scale);
        Assert.Equal(schedule.Rate(10), schedule.Rate(10, baseRate: 5));
    }

    [Fact]
    public void Noam_rises_until_warmup_steps_and_falls_after()
    {
        var schedule = new NoamSchedule(64, 10, factor: 2);

        for (var step = 1; step < 10; step++)
        {
            Assert.True(schedule.Rate(step) > schedule.Rate(step - 1), $"rises at {step}");
        }

        for (var step = 10; step < 100; step++)
        {
            Assert.True(schedule.Rate(step) < schedule.Rate(step - 1), $"falls at {step}");
        }
    }

    public static TheoryData<string> Decays => new()
    {
        "step(step_size=3, gamma=0.7)",
        "multistep(milestones=[1, 4, 9], gamma=0.5)",
        "piecewise(boundaries=[2, 7], values=[1, 0.4, 0.1])",
        "linear(start=1, end=0.1, steps=12)",
        "exponential(rate=0.9, steps=2.5)",
        "exponential(rate=0.9, steps=3, staircase=true)",
        "natural_exponential(rate=0.2, steps=2)",
        "inverse_time(rate=0.5, steps=3, staircase=true)",
        "polynomial(steps=10, end=0.05, power=3)",
        "inverse_sqrt(timescale=5)",
    };

    [Theory]
    [MemberData(nameof(Decays))]
    public void Decays_start_at_the_base_rate_and_never_rise(string spec)
    {
        var schedule = Schedule.Parse(spec);

        Assert.Equal(1, schedule.Rate(0));
        for (var step = 1; step < 40; step++)
        {
            Assert.True(schedule.Rate(step) <= schedule.Rate(step - 1), $"{spec} rises at step {step}");
        }
    }

    [Fact]
    public void Relative_shapes_scale_each_groups_base_rate()
    {
        var schedule = new StepSchedule(2, 0.5);

        Assert.Equal(0.25, schedule.Rate(3, baseRate: 0.5));
        Assert.Equal(schedule.Rate(3), schedule.Rate(3, baseRate: 1));
    }
}
