using System.Numerics;
using Ramp.Training.Layers;

namespace Ramp.Training.Tests.Layers;

public class VectorMathTests
{
    [Fact]
    public void Fast_exp_is_within_two_ulp_of_double_precision_exp_over_the_whole_float_range()
    {
        // Reference twin: Math.Exp in double, rounded once to float. Sweep every 2^-12 from -104 to 89,
        // which covers subnormal results, the reduction boundaries and overflow.
        var worst = 0L;
        var worstAt = 0f;
        var lanes = new float[Vector<float>.Count];
        for (var start = -104.0; start < 89.0; start += lanes.Length / 4096.0)
        {
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = (float)(start + (lane / 4096.0));
            }

            var actual = VectorMath.Exp(new Vector<float>(lanes));
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                var expected = (float)Math.Exp(lanes[lane]);
                var distance = Math.Abs((long)BitConverter.SingleToInt32Bits(actual[lane]) - BitConverter.SingleToInt32Bits(expected));
                if (distance > worst)
                {
                    (worst, worstAt) = (distance, lanes[lane]);
                }
            }
        }

        Assert.True(worst <= 2, $"{worst} ulp at x = {worstAt:G9}");
    }

    [Fact]
    public void Fast_exp_gives_zero_infinity_and_NaN_where_MathF_Exp_does()
    {
        float[] inputs = [float.NegativeInfinity, -1000f, -104f, 88.8f, 1000f, float.PositiveInfinity, float.NaN];
        foreach (var x in inputs)
        {
            var actual = VectorMath.Exp(new Vector<float>(x))[0];
            var expected = MathF.Exp(x);
            Assert.True(actual == expected || (float.IsNaN(actual) && float.IsNaN(expected)), $"exp({x}) = {actual}, expected {expected}");
        }
    }

    [Fact]
    public void Estrin_polynomial_matches_Horner_evaluation()
    {
        float[] coefficients = [0.5f, -1.25f, 2f, 0.75f, -0.125f, 1.5f, -2.5f, 0.0625f];
        foreach (var x in new[] { -1.5f, -0.3f, 0f, 0.7f, 1.1f })
        {
            double expected = 0;
            for (var k = coefficients.Length - 1; k >= 0; k--)
            {
                expected = (expected * x) + coefficients[k];
            }

            var actual = VectorMath.Polynomial(new Vector<float>(x), 0.5f, -1.25f, 2f, 0.75f, -0.125f, 1.5f, -2.5f, 0.0625f)[0];
            Assert.Equal(expected, actual, 5);
        }
    }
}
