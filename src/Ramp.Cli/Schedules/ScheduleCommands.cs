// The `ramp schedule` group: evaluate, plot, describe and list the schedules of the catalog.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>The <c>schedule</c> command group.</summary>
public static class ScheduleCommands
{
    /// <summary>The group and its commands, in help order.</summary>
    public static CommandGroup Group { get; } = new(
        "schedule",
        "evaluate, plot, describe and list learning-rate schedules",
        [new EvalCommand(), new PlotCommand(), new DescribeCommand(), new ListCommand()]);
}
