// Feedback state moves out and in through SaveState/LoadState (here without the driver and without JSON
// text, the state object itself) and the schedule then continues as if it had never stopped.
using Ramp.Tests.Running;

namespace Ramp.Tests.Feedback;

public class FeedbackStateTests
{
    [Theory]
    [InlineData("torch.ReduceLROnPlateau(patience=1, cooldown=1, min_lr=0.01)")]
    [InlineData("keras.ReduceLROnPlateau(monitor='loss', patience=1, cooldown=2)")]
    [InlineData("plateau(schedule=threshold_warmup(threshold=3), patience=2)")]
    [InlineData("adaptive_warmup(schedule=plateau(monitor='loss', patience=1), steps=12, history=2, cooldown=1, spike=1.3)")]
    public void A_schedule_loaded_from_a_saved_state_continues_identically(string spec)
    {
        var metrics = MetricStreams.Generate(40, seed: 11);
        for (var stop = 0; stop <= 40; stop += 5)
        {
            var straight = Schedule.Parse(spec);
            Feed(straight, metrics, 0, 40);
            var first = Schedule.Parse(spec);
            Feed(first, metrics, 0, stop);

            var second = Schedule.Parse(spec);
            second.LoadState(first.SaveState());
            Feed(second, metrics, stop, 40);

            Assert.Equal(Drive.Rates(straight, 41, 0.1), Drive.Rates(second, 41, 0.1));
            Assert.Equal(straight.SaveState()!.ToJsonString(), second.SaveState()!.ToJsonString());
        }
    }

    [Fact]
    public void A_state_for_another_schedule_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Schedule.Parse("torch.ReduceLROnPlateau()").LoadState(Schedule.Parse("adaptive_warmup(steps=5)").SaveState()));

        Assert.StartsWith("the state of torch.ReduceLROnPlateau must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    private static void Feed(Schedule schedule, double[][] metrics, int from, int to)
    {
        for (var step = from; step < to; step++)
        {
            for (var i = 0; i < MetricStreams.Names.Length; i++)
            {
                schedule.Observe(step, MetricStreams.Names[i], metrics[step][i]);
            }
        }
    }
}
