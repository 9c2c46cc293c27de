// Every catalog entry of the decay family (native shapes and their peers): its example parses and evaluates,
// its definition prints back to a spec with the same values, its scale is the one the entry declares, and a
// query allocates nothing.
namespace Ramp.Tests.Decay;

public class DecayCatalogTests
{
    private static readonly long[] Steps = [0, 1, 2, 3, 5, 8, 13, 99, 100, 101, 1000, 4000, 12_345, 1_000_000];

    public static TheoryData<string> Examples()
    {
        ScheduleEntry[] entries =
        [
            StepSchedule.Entry,
            MultiStepSchedule.Entry,
            PiecewiseSchedule.Entry,
            LinearSchedule.Entry,
            ExponentialSchedule.Entry,
            NaturalExponentialSchedule.Entry,
            InverseTimeSchedule.Entry,
            PolynomialSchedule.Entry,
            InverseSqrtSchedule.Entry,
            NoamSchedule.Entry,
            .. PyTorchDecaySchedulers.Entries,
            .. KerasDecaySchedules.Entries,
            .. KerasLegacyDecayFunctions.Entries,
            .. OptaxDecaySchedules.Entries,
            HuggingFaceInverseSqrt.Entry,
            .. FairseqDecaySchedulers.Entries,
            .. PaddleDecaySchedulers.Entries,
        ];
        var data = new TheoryData<string>();
        foreach (var entry in entries)
        {
            data.Add(entry.Example);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_through_its_spec_text(string example)
    {
        var schedule = Schedule.Parse(example);
        var again = Schedule.Parse(schedule.ToString());

        Assert.Equal(schedule.ToString(), again.ToString());
        foreach (var step in Steps)
        {
            Assert.True(double.IsFinite(schedule.Rate(step)), $"{example} at {step}");
            Assert.Equal(schedule.Rate(step), again.Rate(step));
            Assert.Equal(schedule.Rate(step), schedule.Rate(step, 1));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_has_the_scale_its_entry_declares(string example)
    {
        var schedule = Schedule.Parse(example);
        var entry = ScheduleCatalog.Default.Resolve(SpecParser.Parse(example).Name);

        Assert.Equal(entry.Scale, schedule.Scale);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rate_allocates_nothing(string example)
    {
        var schedule = Schedule.Parse(example);
        schedule.Rate(7);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var step = 0L; step < 1000; step++)
        {
            sum += schedule.Rate(step);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    [Theory]
    [InlineData("StepLR(step_size=3, gamma=0.5)", "step(step_size=3, gamma=0.5)")]
    [InlineData("MultiStepLR(milestones=[9, 2], gamma=0.5)", "multistep(milestones=[2, 9], gamma=0.5)")]
    [InlineData("ConstantLR(factor=0.5, total_iters=4)", "piecewise(boundaries=[4], values=[0.5, 1])")]
    [InlineData("LinearLR(start_factor=0.5, total_iters=4)", "linear(start=0.5, end=1, steps=4)")]
    [InlineData("ExponentialLR(gamma=0.9)", "exponential(rate=0.9, steps=1, staircase=false)")]
    [InlineData("PolynomialLR(total_iters=4, power=2)", "polynomial(steps=4, end=0, power=2, cycle=false, start=1)")]
    public void PyTorch_entries_keep_their_definition_and_compute_with_a_native_shape(string spec, string native)
    {
        var schedule = Assert.IsType<NamedSchedule>(Schedule.Parse(spec));

        Assert.Equal(native, schedule.Inner.ToString());
        Assert.Equal(Schedule.Parse(spec).ToString(), Schedule.Parse(schedule.ToString()).ToString());
    }

    [Theory]
    [InlineData("ExponentialDecay(0.1, 10, 0.5)", "keras.ExponentialDecay, optax.exponential_decay, paddle.ExponentialDecay")]
    [InlineData("PolynomialDecay(0.1, 10)", "keras.PolynomialDecay, fairseq.polynomial_decay, paddle.PolynomialDecay")]
    [InlineData("natural_exp_decay(0.1, 10, 0.5)", "keras.natural_exp_decay, paddle.NaturalExpDecay")]
    public void Names_shared_by_several_peers_must_be_qualified(string spec, string candidates)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith("ambiguous; qualify it as one of " + candidates, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unqualified_inverse_sqrt_is_rampss_own_and_fairseqs_needs_its_qualifier()
    {
        Assert.IsType<InverseSqrtSchedule>(Schedule.Parse("inverse_sqrt(warmup_steps=10)"));
        Assert.Equal(RateScale.Absolute, Schedule.Parse("fairseq.inverse_sqrt(warmup_updates=10)").Scale);
    }
}
