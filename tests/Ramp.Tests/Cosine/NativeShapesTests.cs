// The defining properties of Ramp's own cosine-like shapes: where they start and end, what they hold, their
// periods and restarts, and that their C# definitions print to specs that parse back to the same values.
namespace Ramp.Tests.Cosine;

public class NativeShapesTests
{
    public static TheoryData<Schedule> Constructed =>
    [
        new CosineSchedule(1000, floor: 0.1, exponent: 2),
        new CosineRestartsSchedule(100, periodMultiplier: 1.5, amplitudeDecay: 0.8, cycleLimit: 4, floor: 0.05),
        new CosineRestartsSchedule(100),
        new LinearCosineSchedule(1000, periods: 3, linearOffset: 0.1, floor: 0.01),
        new NoisyLinearCosineSchedule(1000, variance: 0.01, varianceDecay: 0.3, seed: 11),
        new TanhSchedule(1000, lower: -5, upper: 4, floor: 0.2),
        new CyclicSchedule(200, 600, floor: 0.1, mode: "exp_range", gamma: 0.999),
        new CyclicSchedule(),
        new OneCycleSchedule(1000, riseFraction: 0.25, startFactor: 0.1, endFactor: 0.001, threePhase: true, anneal: "linear"),
        new TriStageSchedule(100, 400, 500, startFactor: 0.05, endFactor: 0.02),
        new WarmupStableDecaySchedule(100, 700, 200, floor: 0.1, warmup: "1-sqrt", decay: "1-square", floorPolicy: "cosine_only"),
    ];

    [Theory]
    [MemberData(nameof(Constructed))]
    public void Definitions_parse_back_to_the_same_values(Schedule schedule)
    {
        var parsed = Schedule.Parse(schedule.ToString());

        Assert.Equal(schedule.ToString(), parsed.ToString());
        Assert.Equal(schedule.GetType(), parsed.GetType());
        for (var step = 0L; step < 3000; step += 13)
        {
            Assert.Equal(schedule.Rate(step), parsed.Rate(step));
        }
    }

    [Fact]
    public void Cosine_falls_from_one_to_the_floor_and_holds_it()
    {
        var schedule = new CosineSchedule(100, floor: 0.1);

        Assert.Equal(1.0, schedule.Rate(0));
        Expect.Close(0.55, schedule.Rate(50));
        Expect.Close(0.1, schedule.Rate(100));
        Assert.Equal(schedule.Rate(100), schedule.Rate(1000));
        for (var step = 1; step <= 100; step++)
        {
            Assert.True(schedule.Rate(step) <= schedule.Rate(step - 1));
        }
    }

    [Fact]
    public void Cosine_exponent_raises_the_half_cosine()
    {
        var plain = new CosineSchedule(100);
        var squared = new CosineSchedule(100, floor: 0.2, exponent: 2);

        Expect.Close(0.2 + (0.8 * plain.Rate(30) * plain.Rate(30)), squared.Rate(30));
    }

    [Fact]
    public void Restarts_begin_at_exact_cycle_starts_and_shrink()
    {
        var schedule = new CosineRestartsSchedule(1000, periodMultiplier: 2, amplitudeDecay: 0.5);

        Assert.Equal(1.0, schedule.Rate(0));
        Assert.Equal(0.5, schedule.Rate(1000));
        Assert.Equal(0.25, schedule.Rate(3000));
        Assert.Equal(0.125, schedule.Rate(7000));
        Expect.Close(0.25, schedule.Rate(2000));
        Assert.True(schedule.Rate(6999) < 1e-5);
    }

    [Fact]
    public void Restarts_with_a_real_multiplier_place_cycles_at_fractional_starts()
    {
        var schedule = new CosineRestartsSchedule(10, periodMultiplier: 1.5);

        Expect.Close(Annealing(47 - 25, 22.5), schedule.Rate(47));
        Expect.Close(Annealing(0.5, 33.75), schedule.Rate(48));
    }

    [Theory]
    [InlineData(7, 1.0)]
    [InlineData(10, 2.0)]
    [InlineData(10, 1.5)]
    [InlineData(3, 3.0)]
    [InlineData(13, 1.1)]
    public void Restarts_agree_with_walking_the_cycles_one_by_one(long period, double multiplier)
    {
        var schedule = new CosineRestartsSchedule(period, periodMultiplier: multiplier, amplitudeDecay: 0.9, floor: 0.05);
        var (start, length, height) = (0.0, (double)period, 1.0);
        for (var step = 0L; step < 20000; step++)
        {
            while (step >= start + length)
            {
                start += length;
                length *= multiplier;
                height *= 0.9;
            }

            Expect.Close(0.05 + (0.95 * height * Annealing(step - start, length)), schedule.Rate(step), 1e-9);
        }
    }

    [Fact]
    public void Restarts_rest_at_the_floor_after_the_cycle_limit()
    {
        var schedule = new CosineRestartsSchedule(10, cycleLimit: 2, floor: 0.1);

        Assert.Equal(1.0, schedule.Rate(10));
        Assert.Equal(0.1, schedule.Rate(20));
        Assert.Equal(0.1, schedule.Rate(500));
    }

    [Fact]
    public void Linear_cosine_goes_from_one_to_zero_with_its_periods()
    {
        var schedule = new LinearCosineSchedule(100, periods: 2);

        Assert.Equal(1.0, schedule.Rate(0));
        Expect.Close(0, schedule.Rate(25), 1e-12, 1);
        Expect.Close(0.5, schedule.Rate(50));
        Expect.Close(0, schedule.Rate(100), 1e-12, 1);
        Assert.Equal(schedule.Rate(100), schedule.Rate(400));
        Expect.Close(0.3 + 0.01, new LinearCosineSchedule(100, periods: 0, linearOffset: 0.1, floor: 0.01).Rate(80));
    }

    [Fact]
    public void Noisy_linear_cosine_without_variance_is_the_linear_cosine()
    {
        var noisy = new NoisyLinearCosineSchedule(100, periods: 1.5, variance: 0);
        var plain = new LinearCosineSchedule(100, periods: 1.5);
        for (var step = 0; step < 150; step++)
        {
            Assert.Equal(plain.Rate(step), noisy.Rate(step));
        }
    }

    [Fact]
    public void Noisy_linear_cosine_noise_has_the_asked_mean_and_variance()
    {
        var noisy = new NoisyLinearCosineSchedule(40000, periods: 0, variance: 0.25, varianceDecay: 0, seed: 3);
        var plain = new LinearCosineSchedule(40000, periods: 0);
        var noise = Enumerable.Range(0, 40000).Select(step => noisy.Rate(step) - plain.Rate(step)).ToArray();
        var mean = noise.Average();

        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(noise.Average(value => (value - mean) * (value - mean)), 0.24, 0.26);
        Assert.Equal(noisy.Rate(777), new NoisyLinearCosineSchedule(40000, periods: 0, variance: 0.25, varianceDecay: 0, seed: 3).Rate(777));
        Assert.NotEqual(noisy.Rate(777), new NoisyLinearCosineSchedule(40000, periods: 0, variance: 0.25, varianceDecay: 0, seed: 4).Rate(777));
    }

    [Fact]
    public void Tanh_follows_timms_curve_and_holds_its_end()
    {
        var schedule = new TanhSchedule(100, floor: 0.1);

        Expect.Close(0.1 + (0.45 * (1 - Math.Tanh(-7))), schedule.Rate(0));
        Expect.Close(0.1 + (0.45 * (1 - Math.Tanh(-2))), schedule.Rate(50));
        Expect.Close(0.1 + (0.45 * (1 - Math.Tanh(3))), schedule.Rate(100));
        Assert.Equal(schedule.Rate(100), schedule.Rate(300));
    }

    [Fact]
    public void Cyclic_triangles_run_between_the_floor_and_one()
    {
        var triangular = new CyclicSchedule(4, floor: 0.2);
        var halving = new CyclicSchedule(4, 6, floor: 0, mode: "triangular2");
        var exponential = new CyclicSchedule(4, floor: 0, mode: "exp_range", gamma: 0.9);

        Expect.Sequence([0.2, 0.4, 0.6, 0.8, 1.0, 0.8, 0.6, 0.4, 0.2, 0.4], triangular.Rate);
        Expect.Sequence([0, 0.25, 0.5, 0.75, 1, 5.0 / 6, 4.0 / 6, 3.0 / 6, 2.0 / 6, 1.0 / 6, 0, 0.125, 0.25], halving.Rate);
        Expect.Close(Math.Pow(0.9, 4), exponential.Rate(4));
    }

    [Fact]
    public void One_cycle_rises_to_one_at_the_rise_fraction_and_ends_at_end_factor()
    {
        var two = new OneCycleSchedule(100, riseFraction: 0.3, startFactor: 0.04, endFactor: 0.001);
        var three = new OneCycleSchedule(100, riseFraction: 0.25, startFactor: 0.1, endFactor: 0.001, threePhase: true, anneal: "linear");

        Expect.Close(0.04, two.Rate(0));
        Expect.Close(0.52, two.Rate(15));
        Assert.Equal(1.0, two.Rate(30));
        Expect.Close(0.001, two.Rate(100));
        Assert.Equal(two.Rate(100), two.Rate(500));
        Expect.Close(1 + ((0.1 - 1) * 0.48), three.Rate(37));
        Assert.Equal(1.0, three.Rate(25));
        Expect.Close(0.1, three.Rate(50));
        Expect.Close(0.1 + ((0.001 - 0.1) * 0.5), three.Rate(75));
    }

    [Fact]
    public void Tri_stage_warms_up_holds_and_decays_exponentially()
        => Expect.Sequence(
            [0.01, 0.505, 1, 1, 1, Math.Sqrt(0.1), 0.1, Math.Sqrt(0.001), 0.01, 0.01],
            new TriStageSchedule(2, 2, 4).Rate);

    [Fact]
    public void Warmup_stable_decay_holds_the_base_rate_between_warmup_and_decay()
    {
        var schedule = new WarmupStableDecaySchedule(10, 80, 10, floor: 0.1, warmup: "cosine", decay: "linear");

        Assert.Equal(0.1, schedule.Rate(0));
        Expect.Close(0.55, schedule.Rate(5));
        Assert.Equal(1.0, schedule.Rate(10));
        Assert.Equal(1.0, schedule.Rate(89));
        Expect.Close(0.55, schedule.Rate(95));
        Assert.Equal(0.1, schedule.Rate(100));
        Assert.Equal(0.1, schedule.Rate(1000));
    }

    private static double Annealing(double position, double length) => 0.5 * (1 + Math.Cos(Math.PI * position / length));
}
