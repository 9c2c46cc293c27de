// The list of every built-in catalog entry; each family of schedules contributes its entries here.
namespace Ramp;

internal static class BuiltInEntries
{
    public static IEnumerable<ScheduleEntry> All =>
    [
        ConstantSchedule.Entry,

        // Cosine-like and cyclic shapes (Shapes/), then their peers (Peers/).
        CosineSchedule.Entry,
        CosineRestartsSchedule.Entry,
        LinearCosineSchedule.Entry,
        NoisyLinearCosineSchedule.Entry,
        TanhSchedule.Entry,
        CyclicSchedule.Entry,
        OneCycleSchedule.Entry,
        TriStageSchedule.Entry,
        WarmupStableDecaySchedule.Entry,
        PeriodicCosineSchedule.Entry,
        WarmRestartsSchedule.Entry,
        PyTorchCyclicSchedule.Entry,
        PyTorchOneCycleSchedule.Entry,
        PaddleCosineAnnealingDecay.Entry,
        PaddleCosineAnnealingWarmRestarts.Entry,
        PaddleCyclicSchedule.Entry,
        PaddleOneCycleSchedule.Entry,
        HuggingFaceConstantWithWarmup.ConstantEntry,
        HuggingFaceConstantWithWarmup.Entry,
        HuggingFaceLinearWithWarmup.Entry,
        HuggingFaceCosineWithWarmup.Entry,
        HuggingFaceCosineWithWarmup.HardRestartsEntry,
        HuggingFacePolynomialWithWarmup.Entry,
        HuggingFaceCosineWithMinimum.Entry,
        HuggingFaceCosineWithMinimum.RateEntry,
        HuggingFaceWsd.Entry,
        KerasCosineDecay.Entry,
        KerasCosineDecayRestarts.Entry,
        KerasLinearCosineDecay.Entry,
        KerasLinearCosineDecay.NoisyEntry,
        OptaxCosineDecay.Entry,
        OptaxWarmupCosineDecay.Entry,
        OptaxPiecewiseInterpolate.Entry,
        OptaxPiecewiseInterpolate.LinearOneCycleEntry,
        OptaxPiecewiseInterpolate.CosineOneCycleEntry,
        OptaxSgdr.Entry,
        TimmCosine.Entry,
        TimmTanh.Entry,
        TimmPoly.Entry,
        TimmStep.Entry,
        TimmMultiStep.Entry,
        FairseqTriStage.Entry,
        FairseqCosine.Entry,
    ];
}
