// optax.join_schedules(schedules, boundaries): out = s_0(t), then for each boundary b_i, out = s_i(t − b_i)
// where t >= b_i. The count starts at 0 for the first update, as Ramp's step, so expected[k] is Rate(k).
// Computed by `sequence`; its scale is that of the schedules (optax's own schedules are absolute rates).
namespace Ramp;

internal static class JoinSchedules
{
    public static ScheduleEntry Entry { get; } = new(
        "join_schedules",
        ScheduleOrigin.Optax,
        "optax's join_schedules: schedules one after another, each starting its count at its boundary.",
        [
            new("schedules", ParameterKind.ScheduleList, "the schedules, in order"),
            new("boundaries", ParameterKind.IntegerList, "the counts where the next schedule takes over (one fewer than the schedules)") { Minimum = 0 },
        ],
        arguments => new SequenceSchedule(arguments.Schedules("schedules"), arguments.Integers("boundaries")))
    {
        Example = "optax.join_schedules(schedules=[constant(1), constant(2), constant(1)], boundaries=[3, 6])",
    };
}
