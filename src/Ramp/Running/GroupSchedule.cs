// One parameter group as the driver sees it: its base learning rate and the schedule that sets its rate.
namespace Ramp;

/// <summary>A parameter group's base rate and schedule; several groups may share one schedule instance.</summary>
/// <param name="BaseRate">The group's base learning rate (what a relative schedule multiplies).</param>
/// <param name="Schedule">The group's schedule.</param>
public sealed record GroupSchedule(double BaseRate, Schedule Schedule);
