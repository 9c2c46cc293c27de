// Sequences: each schedule restarts its clock at its boundary (optax join_schedules, PyTorch SequentialLR).
using Ramp.Tests.Running;

namespace Ramp.Tests.Composition;

public class SequenceTests
{
    // C15m: google-deepmind/optax optax/schedules/_join_test.py @2edbcbe, join_schedules([const(1), const(2),
    // const(1)], boundaries=[3, 6]) at steps 0..6; here with Ramp's constant for optax's constant_schedule.
    [Fact]
    public void Join_schedules_switches_at_each_boundary()
        => Assert.Equal(
            [1, 1, 1, 2, 2, 2, 1],
            Drive.Rates(Schedule.Parse("optax.join_schedules(schedules=[constant(1), constant(2), constant(1)], boundaries=[3, 6])"), 7));

    // The same vector with optax's own constant_schedule: needs the decay helper's optax entries.
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C15m_join_schedules_of_optax_constants_NeedsDecayMerge()
        => Assert.Equal(
            [1, 1, 1, 2, 2, 2, 1],
            Drive.Rates(Schedule.Parse("optax.join_schedules(schedules=[optax.constant_schedule(1.0), optax.constant_schedule(2.0), optax.constant_schedule(1.0)], boundaries=[3, 6])"), 7));

    [Fact]
    public void Each_schedule_starts_its_own_clock_at_its_boundary()
    {
        var inner = new WarmupSchedule(new ConstantSchedule(), 4);
        var sequence = new SequenceSchedule([new ConstantSchedule(0.1), inner], [3]);

        Drive.Close([0.1, 0.1, 0.1, 0.25, 0.5, 0.75, 1, 1], Drive.Rates(sequence, 8));
    }

    [Fact]
    public void Equal_boundaries_skip_the_schedule_between_them()
        => Assert.Equal([1, 1, 3, 3], Drive.Rates(Schedule.Parse("sequence(schedules=[constant(1), constant(2), constant(3)], boundaries=[2, 2])"), 4));

    [Fact]
    public void A_boundary_at_zero_starts_with_the_second_schedule()
        => Assert.Equal([2, 2], Drive.Rates(Schedule.Parse("SequentialLR(schedulers=[constant(1), constant(2)], milestones=[0])"), 2));

    [Fact]
    public void Metrics_go_to_the_running_schedule_on_its_clock()
    {
        var sequence = Schedule.Parse("sequence(schedules=[plateau(patience=0, monitor='loss'), plateau(patience=0, factor=0.5, monitor='loss')], boundaries=[3])");
        for (var step = 0; step < 6; step++)
        {
            sequence.Observe(step, "loss", 1.0);
        }

        // The first plateau reduced after its bad metric at step 1, so step 2 runs at 0.1; it is done at step 3.
        // The second saw its steps 0, 1, 2 (steps 3, 4, 5) and reduced at its steps 1 and 2: factor 0.25 from step 6.
        Assert.Equal(1.0, sequence.Rate(1));
        Assert.Equal(0.1, sequence.Rate(2), 15);
        Assert.Equal(1.0, sequence.Rate(4));
        Assert.Equal(0.5, sequence.Rate(5));
        Assert.Equal(0.25, sequence.Rate(6));
    }

    [Theory]
    [InlineData("sequence(schedules=[constant(1), constant(2)], boundaries=[])", "sequence: 2 schedules need 1 boundaries, got 0")]
    [InlineData("sequence(schedules=[constant(1), constant(2), constant(3)], boundaries=[5, 2])", "sequence: boundaries=[5, 2] must be steps >= 0 in non-decreasing order")]
    [InlineData("sequence(schedules=[], boundaries=[])", "sequence: schedules is empty; a sequence needs at least one schedule")]
    [InlineData("sequence(schedules=[constant(1), paddle.LinearWarmup(0.5, 10, 0, 0.5)], boundaries=[5])", "sequence: schedules[0] is relative (a factor of the base rate) but schedules[1] is absolute (a rate); a sequence must be all relative or all absolute")]
    [InlineData("SequentialLR(schedulers=[constant(1), constant(2)], milestones=[1, 2])", "SequentialLR: SequentialLR takes one more scheduler than milestones; got 2 schedulers and 2 milestones")]
    [InlineData("SequentialLR(schedulers=[constant(1), torch.ReduceLROnPlateau()], milestones=[5])", "SequentialLR: SequentialLR does not take schedulers that react to metrics, like schedulers[1] = torch.ReduceLROnPlateau; Ramp's sequence(schedules=..., boundaries=...) does")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_of_absolute_schedules_is_absolute()
    {
        var sequence = Schedule.Parse("sequence(schedules=[paddle.LinearWarmup(0.5, 2, 0, 0.5), paddle.LinearWarmup(0.1, 1, 0.2, 0.3)], boundaries=[4])");

        Assert.Equal(RateScale.Absolute, sequence.Scale);
        Drive.Close([0, 0.25, 0.5, 0.5, 0.2, 0.1], Drive.Rates(sequence, 6, baseRate: 7));
    }

    [Theory]
    [InlineData("sequence(schedules=[constant(value=0.1), warmup(schedule=constant(value=1), steps=3, shape='linear', mode='prefix')], boundaries=[2])")]
    [InlineData("SequentialLR(schedulers=[constant(value=0.1), constant(value=1)], milestones=[5])")]
    [InlineData("join_schedules(schedules=[constant(value=1), constant(value=2)], boundaries=[3])")]
    public void Prints_its_definition_and_parses_back(string spec)
        => Assert.Equal(spec, Schedule.Parse(Schedule.Parse(spec).ToString()).ToString());
}
