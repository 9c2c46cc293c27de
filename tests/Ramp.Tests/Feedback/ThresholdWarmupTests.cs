// Threshold warmup (seeds point 6): a small constant rate until the training loss falls below a threshold,
// then the target and the wrapped schedule from its own step 0.
using Ramp.Tests.Running;

namespace Ramp.Tests.Feedback;

public class ThresholdWarmupTests
{
    private static double[] Run(Schedule schedule, double[] losses)
    {
        var scheduler = new Scheduler(schedule);
        var rates = new List<double>();
        foreach (var loss in losses)
        {
            rates.Add(scheduler.Rate());
            scheduler.Step();
            scheduler.Report("loss", loss);
        }

        rates.Add(scheduler.Rate());
        return [.. rates];
    }

    [Fact]
    public void Holds_the_small_rate_until_the_loss_is_below_the_threshold_then_starts_the_schedule_there()
    {
        var schedule = Schedule.Parse("threshold_warmup(schedule=sequence(schedules=[constant(1), constant(0.5)], boundaries=[2]), threshold=2.0, start=0.1)");

        // The loss after step 2 is below 2: the schedule starts at step 3 and steps down at its own step 2 (step 5).
        var rates = Run(schedule, [3.0, 2.5, 1.9, 1.7, 1.5, 1.4]);

        Drive.Close([0.1, 0.1, 0.1, 1, 1, 0.5, 0.5], rates);
        Assert.Equal(3, ((ThresholdWarmupSchedule)schedule).SwitchStep);
    }

    [Fact]
    public void Max_steps_switches_even_if_the_threshold_is_never_reached()
        => Drive.Close([0.2, 0.2, 1, 1], Run(Schedule.Parse("threshold_warmup(threshold=1.0, start=0.2, max_steps=2)"), [5, 5, 5]));

    [Fact]
    public void Smoothing_ignores_a_single_low_loss()
    {
        var raw = Run(Schedule.Parse("threshold_warmup(threshold=2.0)"), [3, 1.5, 3, 3]);
        var smoothed = Run(Schedule.Parse("threshold_warmup(threshold=2.0, smoothing=0.5)"), [3, 1.5, 3, 3]);

        Drive.Close([0.1, 0.1, 1, 1, 1], raw);
        Drive.Close([0.1, 0.1, 0.1, 0.1, 0.1], smoothed);
    }

    [Fact]
    public void A_diverged_loss_never_triggers_the_switch()
        => Drive.Close([0.1, 0.1, 0.1], Run(Schedule.Parse("threshold_warmup(threshold=2.0)"), [double.NaN, double.NegativeInfinity]));

    [Fact]
    public void Listens_only_to_its_monitor()
        => Drive.Close([0.1, 0.1], Run(Schedule.Parse("threshold_warmup(threshold=2.0, monitor='train_loss')"), [0.5]));

    [Fact]
    public void Prints_its_definition_and_parses_back()
    {
        const string spec = "threshold_warmup(schedule=constant(value=1), threshold=2.5, start=0.05, monitor='loss', smoothing=0.9, max_steps=1000)";

        Assert.Equal(spec, Schedule.Parse(spec).ToString());
    }
}
