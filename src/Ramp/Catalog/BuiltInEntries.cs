// The list of every built-in catalog entry; each family of schedules contributes its entries here.
namespace Ramp;

internal static class BuiltInEntries
{
    public static IEnumerable<ScheduleEntry> All =>
    [
        ConstantSchedule.Entry,
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
