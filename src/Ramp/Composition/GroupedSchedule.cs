// Base of the schedules that compute every rate from a group's base rate and index: combinators (their
// children may carry absolute terms such as eta_min, or per-group arguments such as a min_lr list) and
// feedback schedules whose floors are absolute. Rate(step) is the rate of group 0 at base rate 1.
namespace Ramp;

/// <summary>
/// A schedule defined by <see cref="Rate(long, double, int)"/>; the shorter overloads are that rate for
/// group 0 (and base rate 1), which keeps the invariants <c>Rate(step) == Rate(step, 1)</c> and
/// <c>Rate(step, baseRate) == Rate(step, baseRate, 0)</c>.
/// </summary>
public abstract class GroupedSchedule : Schedule
{
    /// <inheritdoc/>
    public sealed override double Rate(long step) => Rate(step, 1.0, 0);

    /// <inheritdoc/>
    public sealed override double Rate(long step, double baseRate) => Rate(step, baseRate, 0);

    /// <inheritdoc/>
    public abstract override double Rate(long step, double baseRate, int group);
}
