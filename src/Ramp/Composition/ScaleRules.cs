// The rules for mixing relative and absolute schedules in a combinator, in one place:
// a sequence switches between schedules, so all of them must give the same kind of value;
// a product may hold at most one absolute schedule (a rate times factors is a rate; a rate times a rate is not).
namespace Ramp;

internal static class ScaleRules
{
    /// <summary>The scale shared by every schedule of a sequence; throws when they mix relative and absolute.</summary>
    public static RateScale OfSequence(IReadOnlyList<Schedule> schedules, string parameter)
    {
        var scale = schedules[0].Scale;
        for (var i = 1; i < schedules.Count; i++)
        {
            if (schedules[i].Scale != scale)
            {
                throw new ArgumentException(
                    $"{parameter}[0] is {Describe(scale)} but {parameter}[{i}] is {Describe(schedules[i].Scale)}; a sequence must be all relative or all absolute",
                    parameter);
            }
        }

        return scale;
    }

    /// <summary>The scale of a product: absolute when one factor is absolute; throws when two are.</summary>
    public static RateScale OfProduct(IReadOnlyList<Schedule> schedules, string parameter)
    {
        var absolute = -1;
        for (var i = 0; i < schedules.Count; i++)
        {
            if (schedules[i].Scale != RateScale.Absolute)
            {
                continue;
            }

            if (absolute >= 0)
            {
                throw new ArgumentException(
                    $"{parameter}[{absolute}] and {parameter}[{i}] are both absolute rates; a product may hold at most one absolute schedule, the others are factors",
                    parameter);
            }

            absolute = i;
        }

        return absolute >= 0 ? RateScale.Absolute : RateScale.Relative;
    }

    private static string Describe(RateScale scale) => scale == RateScale.Relative ? "relative (a factor of the base rate)" : "absolute (a rate)";
}
