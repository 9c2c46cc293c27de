// Feedback schedules take metrics in step order: the rate at step t is a function of the metrics measured
// at steps < t, so a metric for an earlier step than one already seen would rewrite history.
namespace Ramp;

internal static class MetricOrder
{
    public static void Check(long step, long lastStep, string owner)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"{owner}: step={step} must be >= 0");
        }

        if (step < lastStep)
        {
            throw new ArgumentException($"{owner}: metrics must come in step order; got step {step} after step {lastStep}", nameof(step));
        }
    }
}
