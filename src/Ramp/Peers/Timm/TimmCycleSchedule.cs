// The cycles of timm's CosineLRScheduler, PolyLRScheduler and TanhLRScheduler: restarts (t_initial, cycle_mul),
// a peak that decays by cycle_decay per cycle, lr_min once cycle_limit cycles have passed. Subclasses give the
// shape within a cycle. Relative to each group's rate, lr_min absolute; step mapping and noise in TimmSchedule.
namespace Ramp;

/// <summary>A timm schedule made of cycles; the subclass shapes the rate within one.</summary>
internal abstract class TimmCycleSchedule : TimmSchedule
{
    private readonly double firstLength;
    private readonly double cycleMultiplier;
    private readonly double logMultiplier;
    private readonly double cycleDecay;
    private readonly long cycleLimit;

    protected TimmCycleSchedule(ScheduleArguments arguments)
        : base(arguments)
    {
        firstLength = arguments.Integer("t_initial");
        Minimum = arguments.Number("lr_min");
        cycleMultiplier = arguments.Number("cycle_mul");
        logMultiplier = Math.Log(cycleMultiplier);
        cycleDecay = arguments.Number("cycle_decay");
        cycleLimit = arguments.Integer("cycle_limit");
    }

    /// <summary>lr_min, the absolute floor.</summary>
    protected double Minimum { get; }

    /// <inheritdoc/>
    protected sealed override double Main(long step, double baseRate)
    {
        var (cycle, length, position) = TimmCycles.Locate(step, firstLength, cycleMultiplier, logMultiplier);
        if (cycle >= cycleLimit)
        {
            return Minimum;
        }

        var peak = baseRate * (cycleDecay == 1 ? 1 : Math.Pow(cycleDecay, cycle));
        return InCycle(peak, position, length);
    }

    /// <summary>The rate at <paramref name="position"/> of a cycle of <paramref name="length"/> steps that starts at <paramref name="peak"/>.</summary>
    protected abstract double InCycle(double peak, double position, double length);
}
