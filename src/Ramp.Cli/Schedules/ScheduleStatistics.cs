// Summary figures of a schedule over steps 0..N-1, gathered in one pass without storing the values.
// End of warmup: the schedule warms up when it rises from step 0; the first rise is the stretch of steps
// from 0 on where the rate never decreases, and warmup ends at the first step where the rate reaches the
// maximum of that stretch. A schedule that does not rise at step 0 onwards (constant, decaying) has none.
namespace Ramp.Cli.Schedules;

/// <summary>Peak, minimum, final value, mean and end of warmup of a sequence of rates.</summary>
public sealed class ScheduleStatistics
{
    private bool rising = true;
    private double previous;
    private double sum;
    private double compensation;
    private long finiteCount;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>The value at step 0.</summary>
    public double First { get; private set; } = double.NaN;

    /// <summary>The largest finite value, or NaN when there is none.</summary>
    public double Peak { get; private set; } = double.NaN;

    /// <summary>The first step with <see cref="Peak"/>, or -1.</summary>
    public long PeakStep { get; private set; } = -1;

    /// <summary>The smallest finite value, or NaN when there is none.</summary>
    public double Minimum { get; private set; } = double.NaN;

    /// <summary>The first step with <see cref="Minimum"/>, or -1.</summary>
    public long MinimumStep { get; private set; } = -1;

    /// <summary>The last value added.</summary>
    public double Final { get; private set; } = double.NaN;

    /// <summary>The mean of the finite values, or NaN when there is none.</summary>
    public double Mean => finiteCount > 0 ? (sum + compensation) / finiteCount : double.NaN;

    /// <summary>How many values were NaN or infinite.</summary>
    public long NonFiniteCount => Count - finiteCount;

    /// <summary>The first step whose value was NaN or infinite, or -1.</summary>
    public long FirstNonFiniteStep { get; private set; } = -1;

    /// <summary>The highest value of the first rise.</summary>
    public double RisePeak { get; private set; } = double.NaN;

    /// <summary>The first step at <see cref="RisePeak"/>.</summary>
    public long RisePeakStep { get; private set; } = -1;

    /// <summary>The step where warmup ends, or null when the schedule does not rise from step 0.</summary>
    public long? WarmupEnd => RisePeakStep > 0 && RisePeak > First ? RisePeakStep : null;

    /// <summary>Adds the value of the next step (steps are added in order from 0).</summary>
    public void Add(double value)
    {
        var step = Count++;
        if (step == 0)
        {
            First = value;
            RisePeak = value;
            RisePeakStep = 0;
        }
        else if (rising)
        {
            if (value >= previous)
            {
                if (value > RisePeak)
                {
                    RisePeak = value;
                    RisePeakStep = step;
                }
            }
            else
            {
                rising = false;
            }
        }

        previous = value;
        Final = value;
        if (!double.IsFinite(value))
        {
            rising = false;
            FirstNonFiniteStep = FirstNonFiniteStep < 0 ? step : FirstNonFiniteStep;
            return;
        }

        finiteCount++;
        if (PeakStep < 0 || value > Peak)
        {
            Peak = value;
            PeakStep = step;
        }

        if (MinimumStep < 0 || value < Minimum)
        {
            Minimum = value;
            MinimumStep = step;
        }

        // Neumaier summation: the mean of a million small rates stays exact to the last digits.
        var total = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? sum - total + value : value - total + sum;
        sum = total;
    }
}
