// x^n for a whole n (a cycle index) by repeated squaring: a few multiplications instead of Math.Pow, and exact
// when x and the result are whole numbers below 2^53 (cycle lengths with a whole multiplier).
namespace Ramp;

internal static class WholePower
{
    /// <summary><paramref name="value"/> to the power <paramref name="exponent"/> (0 or more).</summary>
    public static double Of(double value, long exponent)
    {
        var result = 1.0;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0)
            {
                result *= value;
            }

            value *= value;
            exponent >>= 1;
        }

        return result;
    }
}
