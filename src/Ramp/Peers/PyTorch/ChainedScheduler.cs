// torch.optim.lr_scheduler.ChainedScheduler(schedulers, optimizer=None): every scheduler steps at every step
// and their factors multiply. Harness mapping: expected[k] is Rate(k) (lr read before each step()).
// Computed in closed form by `product`. PyTorch's recursive chain equals that product for the multiplicative
// schedulers (StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR); for schedulers that
// write closed-form values, such as CosineAnnealingWarmRestarts, PyTorch's chain overwrites the other factors
// (pytorch/pytorch#129565) where Ramp keeps the product. Like PyTorch, it refuses a reduce-on-plateau child.
namespace Ramp;

internal static class ChainedScheduler
{
    public static ScheduleEntry Entry { get; } = new(
        "ChainedScheduler",
        ScheduleOrigin.PyTorch,
        "PyTorch's ChainedScheduler: the product of the schedulers' factors at each step.",
        [new("schedulers", ParameterKind.ScheduleList, "the schedulers whose factors multiply")],
        arguments => Create(arguments.Schedules("schedulers")))
    {
        Example = "ChainedScheduler(schedulers=[warmup(steps=4, mode='overlay'), sequence(schedules=[constant(1), constant(0.1)], boundaries=[8])])",
    };

    private static ProductSchedule Create(IReadOnlyList<Schedule> schedulers)
    {
        PeerChecks.NoFeedback(schedulers, "ChainedScheduler", "product(schedules=...)");
        return new ProductSchedule(schedulers);
    }
}
