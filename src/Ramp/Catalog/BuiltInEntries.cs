// The list of every built-in catalog entry; each family of schedules contributes its entries here.
namespace Ramp;

internal static class BuiltInEntries
{
    public static IEnumerable<ScheduleEntry> All =>
    [
        ConstantSchedule.Entry,
        WarmupSchedule.Entry,
        UntunedWarmupSchedule.Entry,
        RAdamWarmupSchedule.Entry,
        SequenceSchedule.Entry,
        ProductSchedule.Entry,
        ScaledSchedule.Entry,
        ClampedSchedule.Entry,
        PlateauSchedule.Entry,
        ThresholdWarmupSchedule.Entry,
        AdaptiveWarmupSchedule.Entry,
        SequentialLR.Entry,
        ChainedScheduler.Entry,
        TorchReduceLROnPlateau.Entry,
        KerasReduceLROnPlateau.Entry,
        JoinSchedules.Entry,
        PaddleLinearWarmup.Entry,
        .. PytorchWarmupSchedules.Entries,
    ];
}
