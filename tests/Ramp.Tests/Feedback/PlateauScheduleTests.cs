// The native plateau: any schedule times max(factor^k, min_scale), k reductions by PyTorch's rule.
using Ramp.Tests.Running;

namespace Ramp.Tests.Feedback;

public class PlateauScheduleTests
{
    [Fact]
    public void Follows_PyTorch_s_rule_on_a_constant_schedule()
    {
        // Same stream, same rule: the native multiplier equals torch.ReduceLROnPlateau without floor and eps.
        var random = new Random(7);
        var metrics = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        var native = Drive.AfterMetrics(Schedule.Parse("plateau(factor=0.5, patience=2, cooldown=1, threshold_mode='abs', threshold=0.05)"), [0.3], metrics)[0];
        var torch = Drive.AfterMetrics(Schedule.Parse("torch.ReduceLROnPlateau(factor=0.5, patience=2, cooldown=1, threshold_mode='abs', threshold=0.05, eps=0)"), [0.3], metrics)[0];

        Drive.Close(torch, native, 1e-14);
        Assert.True(native[^1] < 0.3 / 4, "the stream should have triggered reductions");
    }

    [Fact]
    public void Reduces_a_warmup_after_it_has_ended_transformers_29417()
    {
        // "warmup then plateau": the plateau wraps a warmup and multiplies it from its step 0.
        var schedule = Schedule.Parse("plateau(schedule=warmup(steps=4), patience=1, factor=0.5)");
        var scheduler = new Scheduler(schedule, 0.1);
        var rates = new List<double>();
        foreach (var loss in new[] { 3.0, 2.5, 2.0, 1.8, 1.8, 1.8, 1.8, 1.8 })
        {
            rates.Add(scheduler.Rate());
            scheduler.Step();
            scheduler.Report("val_loss", loss);
        }

        rates.Add(scheduler.Rate());
        Drive.Close([0.025, 0.05, 0.075, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025], rates);
    }

    [Fact]
    public void Min_scale_floors_the_multiplier()
    {
        var schedule = Schedule.Parse("plateau(patience=0, factor=0.1, min_scale=0.05)");
        for (var step = 0; step < 5; step++)
        {
            schedule.Observe(step, "val_loss", 1.0);
        }

        Assert.Equal([1, 0.1, 0.05, 0.05], [schedule.Rate(1), schedule.Rate(2), schedule.Rate(3), schedule.Rate(5)]);
    }

    [Fact]
    public void Passes_metrics_on_to_the_wrapped_schedule()
    {
        var schedule = Schedule.Parse("plateau(schedule=plateau(monitor='loss', patience=0, factor=0.5), monitor='val_loss', patience=0, factor=0.1)");
        schedule.Observe(0, "loss", 1);
        schedule.Observe(1, "loss", 1);
        schedule.Observe(1, "val_loss", 1);
        schedule.Observe(2, "val_loss", 1);

        Assert.Equal(0.05, schedule.Rate(3), 15);
    }

    [Fact]
    public void Keeps_the_scale_of_the_wrapped_schedule()
        => Assert.Equal(RateScale.Absolute, Schedule.Parse("plateau(schedule=paddle.LinearWarmup(0.5, 10, 0, 0.5))").Scale);

    [Fact]
    public void Prints_its_definition_and_parses_back()
    {
        const string spec = "plateau(schedule=warmup(schedule=constant(value=1), steps=5, shape='linear', mode='prefix'), monitor='val_loss', mode='max', factor=0.5, patience=2, threshold=0.001, threshold_mode='abs', cooldown=1, min_scale=0.01)";

        Assert.Equal(spec, Schedule.Parse(spec).ToString());
    }
}
