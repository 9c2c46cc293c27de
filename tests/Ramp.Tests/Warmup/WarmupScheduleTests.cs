// The warmup combinator: the default ramp counted one step ahead ((t+1)/W, pytorch_warmup and fairseq
// `fixed`), an explicit start (start=0 is Hugging Face's s/W), prefix and overlay modes, every shape, the
// length rule for fractions of the total, and per-group rates.
using Ramp.Tests.Running;

namespace Ramp.Tests.Warmup;

public class WarmupScheduleTests
{
    private static readonly SequenceSchedule StepDown = new([new ConstantSchedule(1), new ConstantSchedule(0.1)], [3]);

    [Fact]
    public void The_default_linear_ramp_starts_one_step_in_and_reaches_the_target_on_its_last_step()
    {
        var warmup = Schedule.Parse("warmup(steps=4)");

        Drive.Close([0.25, 0.5, 0.75, 1, 1, 1], Drive.Rates(warmup, 6));
    }

    [Fact]
    public void Start_zero_reproduces_Hugging_Face_constant_with_warmup()
    {
        // C1b: get_constant_schedule_with_warmup(num_warmup_steps=4), lr=10: [0, 2.5, 5, 7.5, 10, ...]
        var warmup = Schedule.Parse("warmup(steps=4, start=0)");

        Drive.Close([0, 2.5, 5, 7.5, 10, 10, 10], Drive.Rates(warmup, 7, baseRate: 10));
    }

    [Fact]
    public void An_explicit_start_is_the_first_factor_and_the_ramp_ends_at_step_W()
    {
        var warmup = Schedule.Parse("warmup(steps=4, start=0.2)");

        Drive.Close([0.2, 0.4, 0.6, 0.8, 1], Drive.Rates(warmup, 5));
    }

    [Fact]
    public void Prefix_mode_ramps_to_the_inner_first_rate_and_starts_its_clock_after_the_warmup()
    {
        var warmup = new WarmupSchedule(StepDown, 2);

        // The inner schedule steps down at its own step 3, i.e. at step 2 + 3 = 5.
        Drive.Close([0.5, 1, 1, 1, 1, 0.1, 0.1], Drive.Rates(warmup, 7));
    }

    [Fact]
    public void Overlay_mode_multiplies_the_inner_schedule_on_its_own_clock()
    {
        var warmup = new WarmupSchedule(StepDown, 4, mode: WarmupMode.Overlay);

        Drive.Close([0.25, 0.5, 0.75, 0.1, 0.1, 0.1], Drive.Rates(warmup, 6));
    }

    [Theory]
    [InlineData("cosine", 0.5)]
    [InlineData("1-sqrt", 0.29289321881345243)]
    [InlineData("linear", 0.5)]
    public void Shapes_that_can_start_from_zero_take_their_value_at_half_progress_halfway(string shape, double midpoint)
    {
        // With start=0 the progress at step 2 of 4 is exactly 1/2: cosine (1 − cos π/2)/2, 1-sqrt 1 − √(1/2).
        var warmup = Schedule.Parse($"warmup(steps=4, shape='{shape}', start=0)");

        Assert.Equal(midpoint, warmup.Rate(2), 12);
        Assert.Equal(0.0, warmup.Rate(0));
        Assert.Equal(1.0, warmup.Rate(4));
    }

    [Fact]
    public void Cosine_ramp_follows_half_a_cosine_wave()
    {
        var warmup = Schedule.Parse("warmup(steps=10, shape='cosine')");

        for (var step = 0; step < 10; step++)
        {
            Assert.Equal(0.5 * (1 - Math.Cos(Math.PI * (step + 1) / 10)), warmup.Rate(step), 14);
        }
    }

    [Fact]
    public void Exponential_ramp_grows_by_the_same_ratio_every_step()
    {
        var warmup = Schedule.Parse("warmup(steps=4, shape='exponential', start=0.01)");
        var rates = Drive.Rates(warmup, 6);

        Drive.Close([0.01, Math.Sqrt(0.1) * 0.1, 0.1, Math.Sqrt(0.1), 1, 1], rates);
        for (var step = 1; step < 4; step++)
        {
            Assert.Equal(rates[1] / rates[0], rates[step + 1] / rates[step], 12);
        }
    }

    [Fact]
    public void Constant_shape_holds_its_start_then_switches()
        => Drive.Close([0.1, 0.1, 0.1, 1, 1], Drive.Rates(Schedule.Parse("warmup(steps=3, shape='constant', start=0.1)"), 5));

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    [InlineData("1-sqrt")]
    [InlineData("exponential")]
    public void Every_ramp_rises_monotonically_and_never_passes_the_target(string shape)
    {
        var warmup = Schedule.Parse($"warmup(steps=50, shape='{shape}', start=0.001)");
        var rates = Drive.Rates(warmup, 60);

        for (var step = 1; step < rates.Length; step++)
        {
            Assert.True(rates[step] >= rates[step - 1], $"{shape} falls at step {step}");
            Assert.True(rates[step] <= 1, $"{shape} passes the target at step {step}");
        }
    }

    [Theory]
    [InlineData(0.05, 10000, 500)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.001, 500, 1)]
    [InlineData(0.3, 10, 3)]
    [InlineData(0.25, 10, 3)]
    [InlineData(120, null, 120)]
    [InlineData(0, null, 0)]
    public void A_fraction_of_the_total_rounds_up_without_floating_point_noise(double steps, int? total, long length)
        => Assert.Equal(length, WarmupLength.Resolve(steps, total));

    [Theory]
    [InlineData("warmup(steps=2.5)", "warmup: steps=2.5 must be a whole number of steps, or a fraction in (0, 1) of total_steps")]
    [InlineData("warmup(steps=0.1)", "warmup: steps=0.1 is a fraction of the total, so total_steps must be given")]
    [InlineData("warmup(steps=10, shape='exponential')", "warmup: shape='exponential' needs a start factor > 0, e.g. start=0.01")]
    [InlineData("warmup(steps=10, shape='constant')", "warmup: shape='constant' needs a start factor > 0, e.g. start=0.01")]
    [InlineData("warmup(steps=10, shape='exponential', start=0)", "warmup: start=0 cannot grow geometrically; shape='exponential' needs start > 0")]
    [InlineData("warmup(steps=10, start=1.5)", "warmup: start=1.5 is not allowed; allowed: a number in [0, 1] or None")]
    [InlineData("warmup(steps=10, shape='sigmoid')", "warmup: shape='sigmoid' is not allowed; allowed: one of 'constant', 'linear', 'exponential', 'cosine', '1-sqrt'")]
    [InlineData("warmup(steps=10, mode='before')", "warmup: mode='before' is not allowed; allowed: one of 'prefix', 'overlay'")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_group_ramps_to_its_own_base_rate()
    {
        var scheduler = new Scheduler(Schedule.Parse("warmup(steps=2)"), 0.1, 0.5);

        Assert.Equal([0.05, 0.25], [scheduler.Rate(0), scheduler.Rate(1)]);
        scheduler.Step();
        Assert.Equal([0.1, 0.5], [scheduler.Rate(0), scheduler.Rate(1)]);
    }

    [Fact]
    public void Prefix_target_keeps_the_inner_schedule_s_per_group_floor()
    {
        // torch.ReduceLROnPlateau's min_lr list is absolute per group; a prefix warmup ramps to each group's own rate.
        var warmup = Schedule.Parse("warmup(schedule=torch.ReduceLROnPlateau(min_lr=[0.4, 0.3]), steps=2)");

        Assert.Equal(0.25, warmup.Rate(0, 0.5, 0));
        Assert.Equal(0.25, warmup.Rate(0, 0.5, 1));
        Assert.Equal(0.5, warmup.Rate(2, 0.5, 1));
    }

    [Fact]
    public void A_plateau_after_a_prefix_warmup_sees_metrics_on_its_own_clock()
    {
        var warmup = Schedule.Parse("warmup(schedule=plateau(patience=0, factor=0.5), steps=3)");
        for (var step = 0; step < 6; step++)
        {
            warmup.Observe(step, "val_loss", 1.0);
        }

        // Metrics of warmup steps 0..2 are not the plateau's; its steps 0, 1, 2 are steps 3, 4, 5:
        // the first sets the best, the next two are bad and each reduces (patience 0).
        Assert.Equal(1.0, warmup.Rate(4));
        Assert.Equal(0.5, warmup.Rate(5));
        Assert.Equal(0.25, warmup.Rate(6));
    }

    [Theory]
    [InlineData("warmup(steps=100)")]
    [InlineData("warmup(schedule=constant(0.5), steps=0.05, total_steps=1000, shape='cosine', mode='overlay', start=0.1)")]
    [InlineData("warmup(schedule=sequence(schedules=[constant(1), constant(0.1)], boundaries=[10]), steps=5, shape='1-sqrt')")]
    public void Prints_its_definition_and_parses_back(string spec)
    {
        var schedule = Schedule.Parse(spec);
        var again = Schedule.Parse(schedule.ToString());

        Assert.IsType<WarmupSchedule>(schedule);
        Assert.Equal(schedule.ToString(), again.ToString());
        Assert.Equal(Drive.Rates(schedule, 130), Drive.Rates(again, 130));
    }
}
