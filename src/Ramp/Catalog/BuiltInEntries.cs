// The list of every built-in catalog entry; each family of schedules contributes its entries here.
namespace Ramp;

internal static class BuiltInEntries
{
    public static IEnumerable<ScheduleEntry> All =>
    [
        ConstantSchedule.Entry,
    ];
}
