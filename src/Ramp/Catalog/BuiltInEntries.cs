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
    ];
}
