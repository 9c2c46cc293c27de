// Argument checks shared by the decay shapes and their peers: each throws an ArgumentOutOfRangeException
// whose first line names the parameter (spelled as in the spec language), the bad value and what is allowed.
namespace Ramp;

internal static class DecayChecks
{
    public static double AtLeast(double value, double minimum, string name)
        => value >= minimum && !double.IsInfinity(value) ? value : throw Bad(name, value, $"a finite number >= {Format(minimum)}");

    public static double Above(double value, double minimum, string name)
        => value > minimum && !double.IsInfinity(value) ? value : throw Bad(name, value, $"a finite number > {Format(minimum)}");

    public static double Finite(double value, string name)
        => double.IsFinite(value) ? value : throw Bad(name, value, "a finite number");

    public static long AtLeast(long value, long minimum, string name)
        => value >= minimum ? value : throw Bad(name, value, $"an integer >= {minimum}");

    // Copies steps that must strictly increase and be >= 0 (milestones, boundaries).
    public static long[] IncreasingSteps(IReadOnlyList<long> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(steps, name);
        var copy = steps.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] < 0 || (i > 0 && copy[i] <= copy[i - 1]))
            {
                throw new ArgumentOutOfRangeException(
                    name,
                    $"{name}=[{string.Join(", ", copy)}] is not allowed; allowed: strictly increasing integers >= 0");
            }
        }

        return copy;
    }

    public static ArgumentOutOfRangeException Bad(string name, double value, string allowed)
        => new(name, $"{name}={Format(value)} is not allowed; allowed: {allowed}");

    public static string Format(double value) => SpecNumber.Format(value);
}
