// Adaptive warmup (seeds point 13, papers.md 8.5) on synthetic metric sequences: an exponential ramp that is
// cut on loss or gradient-norm spikes, ramps up again from the cut, and hands over to the wrapped schedule.
using Ramp.Tests.Running;

namespace Ramp.Tests.Feedback;

public class AdaptiveWarmupTests
{
    private static (double[] Rates, AdaptiveWarmupSchedule Schedule) Run(string spec, double[] losses, double[]? gradientNorms = null)
    {
        var schedule = (AdaptiveWarmupSchedule)Schedule.Parse(spec);
        var scheduler = new Scheduler(schedule);
        var rates = new List<double>();
        for (var k = 0; k < losses.Length; k++)
        {
            rates.Add(scheduler.Rate());
            scheduler.Step();
            scheduler.Report("loss", losses[k]);
            if (gradientNorms is not null)
            {
                scheduler.Report("grad_norm", gradientNorms[k]);
            }
        }

        rates.Add(scheduler.Rate());
        return ([.. rates], schedule);
    }

    private static double[] Calm(int count) => [.. Enumerable.Range(0, count).Select(k => 3.0 - (0.01 * k))];

    [Fact]
    public void Without_spikes_it_is_the_exponential_warmup()
    {
        var (rates, _) = Run("adaptive_warmup(steps=20, start=0.01)", Calm(30));

        Assert.Equal(Drive.Rates(Schedule.Parse("warmup(steps=20, shape='exponential', start=0.01)"), 31), rates);
    }

    [Fact]
    public void A_loss_spike_halves_the_next_rate_then_the_ramp_resumes_at_its_pace()
    {
        var losses = Calm(40);
        losses[12] = 10;
        var (rates, schedule) = Run("adaptive_warmup(steps=20, start=0.01, history=5)", losses);

        Assert.Equal([13], schedule.Cuts);
        Assert.Equal(rates[12] * Math.Pow(100, 1 / 20.0) * 0.5, rates[13], 14);
        Assert.Equal(rates[14] / rates[13], rates[12] / rates[11], 12);
        Assert.True(schedule.HandoverStep > 20);
    }

    [Fact]
    public void The_cut_delays_the_handover_by_the_progress_it_took_back()
    {
        var losses = Calm(60);
        losses[12] = 10;
        var (rates, schedule) = Run("adaptive_warmup(steps=20, start=0.01, history=5)", losses);

        // Halving costs W·ln 0.5/ln 0.01 = 20·0.1505 = 3.01 steps of progress: the ramp ends at ⌈20 + 3.01⌉ = 24.
        Assert.Equal(24, schedule.HandoverStep);
        Assert.True(rates[23] < 1);
        Assert.Equal(1.0, rates[24]);
    }

    [Fact]
    public void A_gradient_norm_spike_cuts_too()
    {
        var norms = Enumerable.Repeat(1.0, 30).ToArray();
        norms[8] = 5;
        var (_, schedule) = Run("adaptive_warmup(steps=20, history=5)", Calm(30), norms);

        Assert.Equal([9], schedule.Cuts);
    }

    [Fact]
    public void A_spike_lasting_several_steps_cuts_once_within_the_cooldown()
    {
        var losses = Calm(30);
        losses[10] = losses[11] = losses[12] = 10;
        var (_, once) = Run("adaptive_warmup(steps=20, history=5, cooldown=5)", losses);
        var (_, thrice) = Run("adaptive_warmup(steps=20, history=5, cooldown=0)", losses);

        Assert.Equal([11], once.Cuts);
        Assert.Equal([11, 12, 13], thrice.Cuts);
    }

    [Fact]
    public void A_diverged_loss_is_a_spike_even_before_the_history_is_in()
    {
        var losses = Calm(10);
        losses[1] = double.NaN;
        var (rates, schedule) = Run("adaptive_warmup(steps=20, start=0.05)", losses);

        Assert.Equal([2], schedule.Cuts);
        Assert.Equal(0.05, rates[2], 15);
    }

    [Fact]
    public void A_cut_never_goes_below_the_start_factor()
    {
        var losses = Calm(12);
        losses[0] = double.PositiveInfinity;
        var (rates, _) = Run("adaptive_warmup(steps=10, start=0.1)", losses);

        Assert.Equal(0.1, rates[1], 15);
    }

    [Fact]
    public void Hands_over_to_the_wrapped_schedule_with_its_clock_starting()
    {
        var (rates, _) = Run("adaptive_warmup(schedule=sequence(schedules=[constant(1), constant(0.1)], boundaries=[3]), steps=5)", Calm(12));

        Drive.Close([1, 1, 1, 0.1, 0.1], rates[5..10]);
    }

    [Fact]
    public void Spikes_after_the_handover_go_to_the_wrapped_schedule()
    {
        var losses = Calm(20);
        losses[15] = 50;
        var (rates, schedule) = Run("adaptive_warmup(schedule=plateau(monitor='loss', patience=0, factor=0.5), steps=5, history=3)", losses);

        Assert.Empty(schedule.Cuts);
        Assert.Equal(0.5, rates[17], 15);
    }

    [Theory]
    [InlineData("adaptive_warmup(steps=10, spike=1)", "adaptive_warmup: spike=1 is not allowed; allowed: a number > 1")]
    [InlineData("adaptive_warmup(steps=10, cut=1)", "adaptive_warmup: cut=1 is not allowed; allowed: a number in (0, 1)")]
    [InlineData("adaptive_warmup(steps=10, start=0)", "adaptive_warmup: start=0 is not allowed; allowed: a number in (0, 1)")]
    [InlineData("adaptive_warmup(steps=0.5)", "adaptive_warmup: steps=0.5 is a fraction of the total, so total_steps must be given")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_its_definition_and_parses_back()
    {
        const string spec = "adaptive_warmup(schedule=constant(value=1), steps=0.1, total_steps=1000, start=0.01, monitor='loss', grad_monitor='grad_norm', spike=3, cut=0.25, smoothing=0.8, history=20, cooldown=5)";

        Assert.Equal(spec, Schedule.Parse(spec).ToString());
    }
}
