// fairseq's tri_stage and cosine schedulers. fairseq calls step_update(num_updates) before each update, from
// step_update(0), so update k runs at Rate(k). tri_stage sample values: schedulers.md b.6 (an independent
// re-implementation of fairseq/optim/lr_scheduler/tri_stage_lr_scheduler.py @3d262bb).
namespace Ramp.Tests.Cosine;

public class FairseqTests
{
    [Fact]
    public void Tri_stage_matches_the_sample_values()
        => Expect.Sequence(
            [0.01, 0.505, 1, 1, 1, 0.316228, 0.1, 0.031623, 0.01, 0.01, 0.01],
            Schedule.Parse("fairseq.tri_stage(warmup_steps=2, hold_steps=2, decay_steps=4, lr=[1.0])").Rate,
            1e-5);

    [Fact]
    public void Native_tri_stage_gives_the_same_values_as_a_factor()
    {
        var native = Schedule.Parse("tri_stage(warmup_steps=2, hold_steps=2, decay_steps=4)");
        var peer = Schedule.Parse("fairseq.tri_stage(warmup_steps=2, hold_steps=2, decay_steps=4, lr=[0.5])");
        for (var step = 0; step < 12; step++)
        {
            Expect.Close(peer.Rate(step), native.Rate(step, 0.5));
        }
    }

    [Fact]
    public void Tri_stage_phase_ratio_splits_max_update()
    {
        var byRatio = Schedule.Parse("fairseq.tri_stage(phase_ratio=[0.2, 0.3, 0.5], max_update=10, lr=[1.0])");
        var bySteps = Schedule.Parse("fairseq.tri_stage(warmup_steps=2, hold_steps=3, decay_steps=5, lr=[1.0])");

        Expect.Sequence([.. Enumerable.Range(0, 14).Select(step => bySteps.Rate(step))], byRatio.Rate);
    }

    [Theory]
    [InlineData("fairseq.tri_stage(warmup_steps=2, lr=[1.0])", "decay_steps=0 must be at least 1 (fairseq divides by it)")]
    [InlineData("fairseq.tri_stage(decay_steps=4, lr=[1.0, 2.0])", "lr has 2 values; tri_stage takes one")]
    [InlineData("fairseq.tri_stage(phase_ratio=[0.2, 0.3], max_update=10, lr=[1.0])", "phase_ratio must be three fractions")]
    [InlineData("fairseq.tri_stage(phase_ratio=[0.2, 0.3, 0.4], max_update=10, lr=[1.0])", "phase_ratio must be three fractions")]
    [InlineData("fairseq.tri_stage(phase_ratio=[0.2, 0.3, 0.5], lr=[1.0])", "phase_ratio needs max_update")]
    [InlineData("fairseq.cosine(lr=[0.001])", "give lr_period_updates or max_update")]
    [InlineData("fairseq.cosine(lr=[0.001], min_lr=0.01, max_update=10)", "lr (0.001) must be more than min_lr (0.01)")]
    public void Rejects_what_fairseq_rejects(string spec, string fragment)
        => Assert.Contains(fragment, Assert.Throws<SpecException>(() => Schedule.Parse(spec)).Message, StringComparison.Ordinal);

    [Fact]
    public void Cosine_warms_up_from_min_lr_then_restarts_with_shrinking_peaks()
    {
        var schedule = Schedule.Parse("fairseq.cosine(warmup_updates=4, lr=[1.0], min_lr=0.1, lr_period_updates=10, lr_shrink=0.5)");

        Expect.Sequence([0.1, 0.325, 0.55, 0.775, 1.0], schedule.Rate);
        Expect.Close(0.1 + (0.45 * (1 + Math.Cos(Math.PI * 0.5))), schedule.Rate(9));
        Expect.Close(0.5, schedule.Rate(14));
        Expect.Close(0.05 + (0.225 * (1 + Math.Cos(Math.PI * 0.5))), schedule.Rate(19));
    }

    [Fact]
    public void Cosine_periods_grow_by_t_mult_and_default_to_max_update_minus_warmup()
    {
        var schedule = Schedule.Parse("fairseq.cosine(lr=[1.0], t_mult=2, max_update=10, lr_shrink=0.5)");

        Expect.Close(1.0, schedule.Rate(0));
        Expect.Close(0.5, schedule.Rate(10));
        Expect.Close(0.5 * 0.5 * (1 + Math.Cos(Math.PI * 0.5)), schedule.Rate(20));
        Expect.Close(0.25, schedule.Rate(30));
    }
}
