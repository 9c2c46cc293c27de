// Turns a warmup length given "in steps or as a fraction of the total" into a whole number of steps.
// Rule: a value >= 1 is a step count and must be whole; a value in (0, 1) is a fraction of total_steps,
// rounded up (so a positive fraction never gives an empty warmup, and Hugging Face's ratio configs,
// which use ceil, give the same length), after removing floating-point noise: 0.07 × 100 is 7, where
// Python's math.ceil(0.07 * 100) gives 8. fairseq truncates with int() instead; we prefer never to
// shorten a warmup below the requested fraction.
namespace Ramp;

/// <summary>Resolves warmup lengths given in steps or as a fraction of the total number of steps.</summary>
public static class WarmupLength
{
    /// <summary>
    /// The warmup length in steps: <paramref name="steps"/> itself when it is 0 or a whole number >= 1, or
    /// ⌈<paramref name="steps"/> · <paramref name="totalSteps"/>⌉ when it is a fraction in (0, 1).
    /// </summary>
    /// <param name="steps">A whole number of steps, or a fraction in (0, 1) of <paramref name="totalSteps"/>.</param>
    /// <param name="totalSteps">The total number of training steps; required for a fraction.</param>
    /// <param name="parameter">The parameter name to report in errors.</param>
    public static long Resolve(double steps, long? totalSteps, string parameter = "steps")
    {
        if (!(steps >= 0) || double.IsInfinity(steps) || steps > 9e15)
        {
            throw new ArgumentOutOfRangeException(parameter, steps, $"{parameter}={Format(steps)} must be a whole number of steps >= 0 or a fraction in (0, 1) of total_steps");
        }

        if (totalSteps is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"total_steps={totalSteps} must be >= 1");
        }

        if (steps >= 1 || steps == 0)
        {
            return steps == Math.Floor(steps)
                ? (long)steps
                : throw new ArgumentException($"{parameter}={Format(steps)} must be a whole number of steps, or a fraction in (0, 1) of total_steps", parameter);
        }

        if (totalSteps is not { } total)
        {
            throw new ArgumentException($"{parameter}={Format(steps)} is a fraction of the total, so total_steps must be given", parameter);
        }

        var exact = steps * total;
        var nearest = Math.Round(exact);
        return (long)(Math.Abs(exact - nearest) <= 1e-9 * Math.Max(1.0, nearest) ? nearest : Math.Ceiling(exact));
    }

    private static string Format(double value) => SpecNumber.Format(value);
}
