// Distance between float32 values in units in the last place: the number of representable floats between
// them, so that a tolerance reads as "at most k roundings apart" whatever the magnitude.
namespace Ramp.Training.Tests.Optimizers;

internal static class FloatDistance
{
    public static long Ulps(float a, float b)
    {
        if (a == b)
        {
            return 0;
        }
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return long.MaxValue;
        }
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    public static long MaxUlps(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        long worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Ulps(expected[i], actual[i]));
        }
        return worst;
    }

    // Maps floats onto integers monotonically, with -0 and +0 adjacent.
    private static long Ordered(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits < 0 ? -(long)(bits & int.MaxValue) : bits;
    }
}
