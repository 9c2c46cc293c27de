// optax's own vectors (schedulers.md C15): google-deepmind/optax optax/schedules/_schedule_test.py @2edbcbe. The value
// at optax's count k (0 at the first update) is Rate(k). optax computes in float32; the tolerances are the tests'.
namespace Ramp.Tests.Cosine;

public class OptaxVectorsTests
{
    // C15a PiecewiseInterpolateTest.test_linear_piecewise
    [Fact]
    public void Piecewise_linear_matches_test_linear_piecewise()
        => Expect.Sequence(
            [200, 220, 240, 260, 280, 300, 255, 210, 165, 120, 75, 75, 75],
            Schedule.Parse("piecewise_interpolate_schedule('linear', 200.0, {5: 1.5, 10: 0.25})").Rate);

    // C15b test_cos_piecewise: unsorted boundaries are sorted
    [Fact]
    public void Piecewise_cosine_matches_test_cos_piecewise()
        => Expect.Sequence(
            [400, 360, 280, 240, 264, 288, 288, 288, 288],
            Schedule.Parse("piecewise_interpolate_schedule('cosine', 400.0, {5: 1.2, 3: 0.6, 7: 1.0})").Rate);

    // C15c test_zero_interval_size
    [Fact]
    public void Piecewise_with_a_boundary_at_zero_matches_test_zero_interval_size()
    {
        var schedule = Schedule.Parse("piecewise_interpolate_schedule('linear', 13.0, {0: 2.0, 5: 3.0})");

        Expect.Close(26, schedule.Rate(0));
        Expect.Close(78, schedule.Rate(5));
    }

    [Fact]
    public void Piecewise_without_boundaries_is_constant()
        => Assert.Equal(0.3, Schedule.Parse("piecewise_interpolate_schedule('cosine', 0.3)").Rate(1234));

    // C15d OneCycleTest.test_linear
    [Fact]
    public void Linear_onecycle_matches_test_linear()
        => Expect.Sequence(
            [100, 400, 700, 1000, 775, 550, 325, 100, 67, 34, 1, 1],
            Schedule.Parse("linear_onecycle_schedule(transition_steps=10, peak_value=1000, pct_start=0.3, pct_final=0.7, div_factor=10.0, final_div_factor=100.0)").Rate);

    // C15e OneCycleTest.test_cosine
    [Fact]
    public void Cosine_onecycle_matches_test_cosine()
        => Expect.Sequence(
            [100.0, 550.0, 1000.0, 750.25, 250.75, 1.0, 1.0],
            Schedule.Parse("cosine_onecycle_schedule(transition_steps=5, peak_value=1000.0, pct_start=0.4, div_factor=10.0, final_div_factor=100.0)").Rate);

    // C15f CosineDecayTest.test_with_exponent (rtol 1e-6)
    [Fact]
    public void Cosine_decay_with_exponent_matches_test_with_exponent()
    {
        var schedule = Schedule.Parse("cosine_decay_schedule(init_value=0.1, decay_steps=100, alpha=0.0, exponent=2)");
        long[] steps = [0, 10, 50, 75, 100];
        double[] expected = [0.1, 0.09516553580760956, 0.025, 0.0021446612663567066, 0.0];
        for (var i = 0; i < steps.Length; i++)
        {
            Expect.Close(expected[i], schedule.Rate(steps[i]), 1e-6, 0.1);
        }
    }

    // C15g test_with_giant_int_steps
    [Fact]
    public void Cosine_decay_handles_giant_steps_like_test_with_giant_int_steps()
        => Expect.Close(975.52826, Schedule.Parse("cosine_decay_schedule(1000.0, decay_steps=10000000000)").Rate(1_000_000_000), 1e-7);

    // C15h CosineDecayTest lists
    [Fact]
    public void Cosine_decay_matches_the_test_lists()
    {
        Expect.Sequence(
            [.. Enumerable.Range(0, 10).Select(i => 0.1 * (0.5 + (0.5 * Math.Cos(Math.PI * i / 10))))],
            Schedule.Parse("cosine_decay_schedule(0.1, 10, 0.0)").Rate);
        Expect.Sequence(
            [.. ((double[])[0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1]).Select(f => 0.1 * (0.5 + (0.5 * Math.Cos(Math.PI * f))))],
            Schedule.Parse("cosine_decay_schedule(0.1, 5, 0.0)").Rate,
            1e-12,
            1e-3);
        Expect.Sequence(
            [0.1, 0.0914058, 0.0689058, 0.0410942, 0.0185942, 0.01, 0.01, 0.01],
            Schedule.Parse("cosine_decay_schedule(0.1, 5, alpha=0.1)").Rate,
            5e-6);
    }

    // C15i WarmupCosineDecayTest.test_with_exponent (float32 values, rtol 1e-6)
    [Theory]
    [InlineData(1.21, new[] { 0.20000004768371582, 0.4020000100135803, 1.2100000381469727, -1.947500228881836, -3.000000238418579 })]
    [InlineData(0.0, new[] { 0.2, 0.16, 0.0, 0.0, 0.0 })]
    public void Warmup_cosine_decay_matches_test_with_exponent(double peak, double[] expected)
    {
        var schedule = Schedule.Parse($"warmup_cosine_decay_schedule(init_value=0.2, peak_value={peak}, end_value=-3.0, warmup_steps=50, decay_steps=100, exponent=2)");
        long[] steps = [0, 10, 50, 75, 100];
        for (var i = 0; i < steps.Length; i++)
        {
            Expect.Close(expected[i], schedule.Rate(steps[i]), 1e-6, 1);
        }
    }

    // C15i test_limits: decay_steps includes the warmup
    [Theory]
    [InlineData(10, 0.5, 1e-4)]
    [InlineData(5, 3, 0.0)]
    public void Warmup_cosine_decay_meets_test_limits(double init, double peak, double end)
    {
        var schedule = Schedule.Parse($"warmup_cosine_decay_schedule(init_value={init}, peak_value={peak}, warmup_steps=100, decay_steps=1000, end_value={end})");

        Expect.Close(init, schedule.Rate(0));
        Expect.Close(peak, schedule.Rate(100));
        Expect.Close(end, schedule.Rate(1000), 1e-9, 1e-9);
    }

    // C15i test_raises_when_decay_equals_warmup
    [Fact]
    public void Warmup_cosine_decay_raises_when_decay_equals_warmup()
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse("warmup_cosine_decay_schedule(init_value=0, peak_value=1, warmup_steps=10, decay_steps=10)"));

        Assert.Contains("decay_steps=10 must exceed warmup_steps=10", error.Message, StringComparison.Ordinal);
    }

    // C15n SGDRTest.test_limits: three cycles of 2000, 3000 and 5000 steps with 500 warmup steps
    [Fact]
    public void Sgdr_matches_test_limits()
    {
        var schedule = Schedule.Parse(
            "sgdr_schedule([warmup_cosine_decay_schedule(init_value=0, peak_value=1.6, warmup_steps=500, decay_steps=2000, end_value=0), "
            + "warmup_cosine_decay_schedule(init_value=0, peak_value=0.8, warmup_steps=500, decay_steps=3000, end_value=0), "
            + "warmup_cosine_decay_schedule(init_value=0, peak_value=0.4, warmup_steps=500, decay_steps=5000, end_value=0)])");

        Expect.Close(1.6, schedule.Rate(500));
        Expect.Close(0.8, schedule.Rate(2500));
        Expect.Close(0.4, schedule.Rate(5500));
        Assert.Equal(0.0, schedule.Rate(2000));
        Assert.Equal(3, schedule.Children.Count);
    }

    [Fact]
    public void Sgdr_takes_only_warmup_cosine_decay_cycles()
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse("sgdr_schedule([cosine(steps=10)])"));

        Assert.EndsWith("sgdr_schedule: cosine_kwargs[0] is cosine; each cycle must be a warmup_cosine_decay_schedule(...)", error.Message, StringComparison.Ordinal);
    }
}
