// torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers, milestones): scheduler i runs from milestone
// i − 1 and restarts at 0 there (PyTorch steps the next scheduler with step(0) at its milestone).
// Harness mapping: PyTorch's tests read the lr before each step(), so their expected[k] is Rate(k) here.
// Computed in closed form by `sequence`, which avoids the resume bugs of the recursive form
// (pytorch/pytorch#162591, #196243). Like PyTorch, it refuses a reduce-on-plateau child; `sequence` takes one.
namespace Ramp;

internal static class SequentialLR
{
    public static ScheduleEntry Entry { get; } = new(
        "SequentialLR",
        ScheduleOrigin.PyTorch,
        "PyTorch's SequentialLR: schedulers one after another, each restarting at its milestone.",
        [
            new("schedulers", ParameterKind.ScheduleList, "the schedulers, in order"),
            new("milestones", ParameterKind.IntegerList, "the steps where the next scheduler takes over (one fewer than the schedulers)") { Minimum = 0 },
        ],
        arguments => Create(arguments.Schedules("schedulers"), arguments.Integers("milestones")))
    {
        Example = "SequentialLR(schedulers=[constant(0.1), constant(1)], milestones=[5])",
    };

    private static SequenceSchedule Create(IReadOnlyList<Schedule> schedulers, IReadOnlyList<long> milestones)
    {
        if (milestones.Count != schedulers.Count - 1)
        {
            throw new ArgumentException(
                $"SequentialLR takes one more scheduler than milestones; got {schedulers.Count} schedulers and {milestones.Count} milestones",
                nameof(milestones));
        }

        PeerChecks.NoFeedback(schedulers, "SequentialLR", "sequence(schedules=..., boundaries=...)");
        return new SequenceSchedule(schedulers, milestones);
    }
}
