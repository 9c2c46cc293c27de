// Hugging Face transformers' schedules. C1: huggingface/transformers tests/optimization/test_optimization.py
// @74714520, ScheduleInitTest.test_schedulers: AdamW(lr=10.0), num_warmup_steps=2, num_training_steps=10, harness B
// (lrs.append(get_lr()[0]); step()), tolerance 1e-2. WSD: schedulers.md b.2's derived values and C21
// (kozistr/pytorch_optimizer tests/test_lr_schedulers.py::test_wsd_lr_scheduler @1fe5dca, harness A).
namespace Ramp.Tests.Cosine;

public class HuggingFaceVectorsTests
{
    private const string Common = "num_warmup_steps=2, num_training_steps=10";

    public static TheoryData<string, double[], double> SchedulersOfTestSchedulers => new()
    {
        { "get_constant_schedule()", [10.0, 10, 10, 10, 10, 10, 10, 10, 10, 10], 1e-12 },
        { "get_constant_schedule_with_warmup(num_warmup_steps=4)", [0.0, 2.5, 5.0, 7.5, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0], 1e-12 },
        { $"get_linear_schedule_with_warmup({Common})", [0.0, 5.0, 10.0, 8.75, 7.5, 6.25, 5.0, 3.75, 2.5, 1.25], 1e-12 },
        { $"get_cosine_schedule_with_warmup({Common})", [0.0, 5.0, 10.0, 9.61, 8.53, 6.91, 5.0, 3.08, 1.46, 0.38], 1e-2 },
        { $"get_cosine_with_hard_restarts_schedule_with_warmup({Common}, num_cycles=2)", [0.0, 5.0, 10.0, 8.53, 5.0, 1.46, 10.0, 8.53, 5.0, 1.46], 1e-2 },
        { $"get_polynomial_decay_schedule_with_warmup({Common}, power=2.0, lr_end=1e-7)", [0.0, 5.0, 10.0, 7.656, 5.625, 3.906, 2.5, 1.406, 0.625, 0.156], 1e-2 },
    };

    // C1a..C1f
    [Theory]
    [MemberData(nameof(SchedulersOfTestSchedulers))]
    public void Matches_test_schedulers(string spec, double[] expected, double tolerance)
    {
        var schedule = Schedule.Parse(spec);

        Expect.Sequence(expected, step => schedule.Rate(step, 10.0), tolerance, 1.0);
    }

    [Fact]
    public void Cosine_with_warmup_rises_again_past_num_training_steps()
    {
        var schedule = Schedule.Parse($"get_cosine_schedule_with_warmup({Common})");

        Expect.Close(0.0, schedule.Rate(10), 1e-12, 1);
        Expect.Close(schedule.Rate(9), schedule.Rate(11));
        Expect.Close(1.0, schedule.Rate(18));
    }

    [Fact]
    public void Hard_restarts_and_linear_stay_at_zero_past_num_training_steps()
    {
        Assert.Equal(0.0, Schedule.Parse($"get_cosine_with_hard_restarts_schedule_with_warmup({Common})").Rate(15));
        Assert.Equal(0.0, Schedule.Parse($"get_linear_schedule_with_warmup({Common})").Rate(15));
    }

    [Fact]
    public void Polynomial_without_lr_init_decays_each_group_to_lr_end()
    {
        var schedule = Schedule.Parse($"get_polynomial_decay_schedule_with_warmup({Common}, lr_end=0.001, power=2.0)");

        Expect.Close(0.001, schedule.Rate(10, 0.5));
        Expect.Close(0.001, schedule.Rate(25, 0.05));
        Expect.Close(0.5, schedule.Rate(2, 0.5));
    }

    [Fact]
    public void Polynomial_with_lr_init_scales_by_the_optimizer_default_as_Hugging_Face_does()
    {
        var schedule = Schedule.Parse($"get_polynomial_decay_schedule_with_warmup({Common}, lr_end=0.001, lr_init=0.01)");

        Expect.Close(0.001 / 0.01 * 0.5, schedule.Rate(10, 0.5));
    }

    [Fact]
    public void Polynomial_rejects_a_base_rate_below_lr_end()
    {
        var schedule = Schedule.Parse($"get_polynomial_decay_schedule_with_warmup({Common}, lr_end=0.001)");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Rate(3, 0.0005));
        Assert.StartsWith("lr_end (0.001) must be smaller than the base rate (0.0005) when lr_init is None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosine_with_min_lr_rate_ends_at_that_fraction()
    {
        var schedule = Schedule.Parse($"get_cosine_with_min_lr_schedule_with_warmup({Common}, min_lr_rate=0.1)");

        Expect.Close(0.1, schedule.Rate(10));
        Expect.Close(0.05, schedule.Rate(10, 0.5));
        Expect.Close(0.55, schedule.Rate(6));
    }

    [Fact]
    public void Cosine_with_min_lr_keeps_min_lr_absolute_for_every_group()
    {
        var schedule = Schedule.Parse($"get_cosine_with_min_lr_schedule_with_warmup({Common}, min_lr=0.001)");

        Expect.Close(0.001, schedule.Rate(10, 0.5));
        Expect.Close(0.001, schedule.Rate(10, 0.01));
        Expect.Close(0.25, schedule.Rate(1, 0.5));
    }

    [Fact]
    public void Cosine_with_min_lr_lr_rate_starts_above_zero_and_reaches_the_floor_one_step_early()
    {
        var schedule = Schedule.Parse($"get_cosine_with_min_lr_schedule_with_warmup_lr_rate({Common}, min_lr_rate=0.1)");
        var fromRate = Schedule.Parse($"get_cosine_with_min_lr_schedule_with_warmup_lr_rate({Common}, min_lr_rate=0.1, warmup_lr_rate=0.2)");

        Expect.Sequence([0.5, 1.0], schedule.Rate);
        Expect.Close(0.1, schedule.Rate(9));
        Expect.Sequence([0.2, 1.0], fromRate.Rate);
    }

    // schedulers.md b.2, derived: get_wsd_schedule with W=2, S=2, D=3, m=0.1 at s = 0..8
    [Theory]
    [InlineData("linear", new[] { 0.1, 0.55, 1, 1, 1, 0.7, 0.4, 0.1, 0.1 })]
    [InlineData("cosine", new[] { 0.1, 0.55, 1, 1, 1, 0.775, 0.325, 0.1, 0.1 })]
    [InlineData("1-sqrt", new[] { 0.1, 0.55, 1, 1, 1, 0.480385, 0.265153, 0.1, 0.1 })]
    public void Wsd_matches_the_derived_values(string decay, double[] expected)
    {
        var byTotal = Schedule.Parse($"get_wsd_schedule(num_warmup_steps=2, num_decay_steps=3, num_training_steps=7, min_lr_ratio=0.1, decay_type='{decay}')");
        var byStable = Schedule.Parse($"get_wsd_schedule(num_warmup_steps=2, num_decay_steps=3, num_stable_steps=2, min_lr_ratio=0.1, decay_type='{decay}')");
        var native = Schedule.Parse($"warmup_stable_decay(warmup_steps=2, stable_steps=2, decay_steps=3, floor=0.1, decay='{decay}')");

        Expect.Sequence(expected, byTotal.Rate, 1e-6);
        Expect.Sequence(expected, byStable.Rate, 1e-6);
        Expect.Sequence(expected, native.Rate, 1e-6);
    }

    [Theory]
    [InlineData("cosine", 0.5)]
    [InlineData("1-sqrt", 0.2928932188134524)]
    public void Wsd_warmup_shapes_start_at_the_floor(string warmup, double halfway)
    {
        var schedule = Schedule.Parse($"get_wsd_schedule(num_warmup_steps=2, num_decay_steps=3, num_stable_steps=2, min_lr_ratio=0.1, warmup_type='{warmup}')");

        Expect.Sequence([0.1, (halfway * 0.9) + 0.1, 1], schedule.Rate);
    }

    // C21: kozistr/pytorch_optimizer's get_wsd_schedule(W=2, S=2, D=3, min_lr_ratio=0.1), base 1e-3, harness A
    // (expected[k] == Rate(k + 1)); Ramp's native WSD with floor_policy='cosine_only' reproduces its floor policy.
    [Theory]
    [InlineData("cosine", new[] { 0.0005, 0.001, 0.001, 0.001, 0.000775, 0.000325, 0.0001, 0.0001, 0.0001 })]
    [InlineData("1-sqrt", new[] { 0.0005, 0.001, 0.001, 0.001, 0.0004226, 0.0001835, 0.0001, 0.0001, 0.0001 })]
    [InlineData("1-square", new[] { 0.0005, 0.001, 0.001, 0.001, 0.0008888, 0.0005555, 0.0001, 0.0001, 0.0001 })]
    [InlineData("linear", new[] { 0.0005, 0.001, 0.001, 0.001, 0.0006666, 0.0003333, 0.0001, 0.0001, 0.0001 })]
    public void Native_wsd_with_the_cosine_only_floor_matches_kozistr(string decay, double[] expected)
    {
        var schedule = Schedule.Parse($"warmup_stable_decay(warmup_steps=2, stable_steps=2, decay_steps=3, floor=0.1, decay='{decay}', floor_policy='cosine_only')");

        Expect.Sequence(expected, step => schedule.Rate(step + 1, 1e-3), 1e-4, 1e-3);
        Assert.Equal(0.0, schedule.Rate(0));
    }

    [Fact]
    public void Wsd_with_the_Hugging_Face_floor_differs_from_kozistr_as_documented()
    {
        var blend = Schedule.Parse("warmup_stable_decay(warmup_steps=2, stable_steps=2, decay_steps=3, floor=0.1, decay='1-sqrt')");
        var cosineOnly = Schedule.Parse("warmup_stable_decay(warmup_steps=2, stable_steps=2, decay_steps=3, floor=0.1, decay='1-sqrt', floor_policy='cosine_only')");

        Expect.Close(0.480385, blend.Rate(5), 1e-6);
        Expect.Close(0.4226497, cosineOnly.Rate(5), 1e-6);
    }
}
