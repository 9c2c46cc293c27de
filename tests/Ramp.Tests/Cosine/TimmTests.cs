// timm's schedulers (schedulers.md C19): huggingface/pytorch-image-models tests/test_scheduler.py @aa4b585, with
// SGD(lr=0.1): timm is stepped with t and the group's rate is read, so the value at t is Rate(t) (t = 0: the value
// set at construction). Plus timm's quirks: MultiStep decays a step early, noise is fixed per (seed, t).
namespace Ramp.Tests.Cosine;

public class TimmTests
{
    public static TheoryData<string> Schedulers =>
    [
        "CosineLRScheduler(t_initial=100",
        "TanhLRScheduler(t_initial=100",
        "PolyLRScheduler(t_initial=100",
        "StepLRScheduler(decay_t=10",
        "MultiStepLRScheduler(decay_t=[10, 20, 30]",
    ];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Warmup_starts_at_warmup_lr_init_and_increases(string head)
    {
        var schedule = Schedule.Parse($"{head}, warmup_t=5, warmup_lr_init=0.001)");

        Assert.Equal(0.001, schedule.Rate(0, 0.1));
        for (var step = 1; step < 5; step++)
        {
            Assert.True(schedule.Rate(step, 0.1) > schedule.Rate(step - 1, 0.1), $"step {step}");
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Warmup_prefix_reaches_the_base_rate_at_warmup_t(string head)
        => Expect.Close(0.1, Schedule.Parse($"{head}, warmup_t=5, warmup_lr_init=0.001, warmup_prefix=True)").Rate(5, 0.1), 1e-5);

    [Fact]
    public void Cosine_matches_the_test_values()
    {
        var schedule = Schedule.Parse("CosineLRScheduler(t_initial=100, lr_min=0.001)");
        var twoCycles = Schedule.Parse("CosineLRScheduler(t_initial=50, lr_min=0.001, cycle_limit=2)");

        Expect.Close(0.1, schedule.Rate(0, 0.1));
        Expect.Close(0.001 + (0.5 * 0.099 * (1 + Math.Cos(Math.PI / 2))), schedule.Rate(50, 0.1));
        Expect.Close(0.001, schedule.Rate(100, 0.1));
        Expect.Close(0.1, twoCycles.Rate(50, 0.1));
        Expect.Close(0.001, twoCycles.Rate(100, 0.1));
        Expect.Close(0.001, twoCycles.Rate(250, 0.1));
    }

    [Fact]
    public void Cosine_restarts_grow_by_cycle_mul_and_shrink_by_cycle_decay()
    {
        var schedule = Schedule.Parse("CosineLRScheduler(t_initial=10, cycle_mul=2, cycle_decay=0.5, cycle_limit=3)");

        Expect.Close(0.5, schedule.Rate(10));
        Expect.Close(0.25, schedule.Rate(20));
        Expect.Close(0.25, schedule.Rate(30));
        Expect.Close(0.25 * 0.5 * (1 + Math.Cos(Math.PI / 4)), schedule.Rate(40));
        Assert.Equal(0.0, schedule.Rate(70));
    }

    [Fact]
    public void Poly_matches_the_test_values()
    {
        var schedule = Schedule.Parse("PolyLRScheduler(t_initial=100, lr_min=0.001, power=1.0)");

        Expect.Close(0.1, schedule.Rate(0, 0.1));
        Expect.Close(0.001 + (0.099 * 0.75), schedule.Rate(25, 0.1));
        Expect.Close(0.001, schedule.Rate(100, 0.1));
    }

    [Fact]
    public void Step_matches_the_test_values()
    {
        var schedule = Schedule.Parse("StepLRScheduler(decay_t=10, decay_rate=0.5)");

        Expect.Close(0.1, schedule.Rate(9, 0.1));
        Expect.Close(0.05, schedule.Rate(10, 0.1));
        Expect.Close(0.025, schedule.Rate(20, 0.1));
    }

    [Fact]
    public void Multi_step_matches_the_test_values_and_decays_one_step_early()
    {
        var schedule = Schedule.Parse("MultiStepLRScheduler(decay_t=[10, 20, 30], decay_rate=0.5)");

        Expect.Close(0.1, schedule.Rate(8, 0.1));
        Expect.Close(0.05, schedule.Rate(9, 0.1));
        Expect.Close(0.05, schedule.Rate(11, 0.1));
        Expect.Close(0.025, schedule.Rate(21, 0.1));
        Expect.Close(0.0125, schedule.Rate(31, 0.1));
    }

    [Fact]
    public void Step_zero_is_the_value_set_at_construction()
    {
        var schedule = Schedule.Parse("MultiStepLRScheduler(decay_t=[1], decay_rate=0.5, noise_range_t=0)");

        Assert.Equal(0.1, schedule.Rate(0, 0.1));
        Assert.NotEqual(0.05, schedule.Rate(1, 0.1));
    }

    [Fact]
    public void Tanh_without_prefix_warms_up_to_the_main_schedule_at_warmup_t()
    {
        var schedule = Schedule.Parse("TanhLRScheduler(t_initial=20, warmup_t=5, warmup_lr_init=0.01)");
        var main = Schedule.Parse("TanhLRScheduler(t_initial=20)");

        Expect.Close(main.Rate(5), schedule.Rate(5));
        Expect.Close(0.01 + (4 * (main.Rate(5) - 0.01) / 5), schedule.Rate(4));
    }

    [Fact]
    public void Lr_min_and_warmup_lr_init_are_absolute_next_to_the_group_rate()
    {
        var schedule = Schedule.Parse("CosineLRScheduler(t_initial=100, lr_min=0.001, warmup_t=5, warmup_lr_init=0.0001)");

        Assert.Equal(0.0001, schedule.Rate(0, 0.5));
        Assert.Equal(0.0001, schedule.Rate(0, 0.05));
        Expect.Close(0.001, schedule.Rate(100, 0.5));
        Expect.Close(0.001, schedule.Rate(100, 0.05));
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("uniform")]
    public void Noise_is_fixed_per_seed_and_t_bounded_by_noise_pct_and_only_in_range(string type)
    {
        const string Head = "CosineLRScheduler(t_initial=100, noise_range_t=[10, 50], noise_pct=0.5";
        var noisy = Schedule.Parse($"{Head}, noise_seed=42, noise_type='{type}')");
        var again = Schedule.Parse($"{Head}, noise_seed=42, noise_type='{type}')");
        var otherSeed = Schedule.Parse($"{Head}, noise_seed=7, noise_type='{type}')");
        var clean = Schedule.Parse("CosineLRScheduler(t_initial=100)");
        for (var step = 0; step < 100; step++)
        {
            var deviation = (noisy.Rate(step, 0.1) / clean.Rate(step, 0.1)) - 1;
            Assert.Equal(noisy.Rate(step, 0.1), again.Rate(step, 0.1));
            if (step is >= 10 and < 50)
            {
                Assert.True(Math.Abs(deviation) < 0.5, $"step {step}: deviation {deviation}");
                Assert.NotEqual(noisy.Rate(step, 0.1), otherSeed.Rate(step, 0.1));
            }
            else
            {
                Assert.Equal(clean.Rate(step, 0.1), noisy.Rate(step, 0.1));
            }
        }
    }

    [Fact]
    public void A_single_noise_range_value_starts_the_noise_there()
    {
        var noisy = Schedule.Parse("CosineLRScheduler(t_initial=100, noise_range_t=60)");
        var clean = Schedule.Parse("CosineLRScheduler(t_initial=100)");

        Assert.Equal(clean.Rate(59), noisy.Rate(59));
        Assert.NotEqual(clean.Rate(60), noisy.Rate(60));
        Assert.NotEqual(clean.Rate(99), noisy.Rate(99));
    }
}
