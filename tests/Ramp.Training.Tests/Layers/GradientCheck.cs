// Finite-difference checks of hand-written backward passes.
// The objective is a fixed random weighted sum of an op's outputs, summed in double, so its gradient with
// respect to the outputs is the weight vector, which the test feeds to Backward. The ops compute in float32:
// each output carries rounding of about 6e-8 relative, so an objective over ~100 outputs of size ~1 is noisy
// at ~1e-6. A central difference with step h = 1e-2 turns that into ~1e-4 at worst and adds truncation
// error ~h²·f'''/6, about 2e-5 for these smooth ops on inputs of order 1 (the largest error seen over the
// whole suite is 9e-5). The tolerance |analytic - numeric| <= 5e-4 + 5e-3·|numeric| leaves a margin of
// about five, while a missing term, a wrong sign or a wrong factor (errors of order 1e-2 and more) fails.
// Gradients are pre-filled with random values and the check uses (after - before), so every check also
// proves that Backward accumulates instead of overwriting.
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

internal static class GradientCheck
{
    public const float Step = 1e-2f;
    public const double AbsoluteTolerance = 5e-4;
    public const double RelativeTolerance = 5e-3;

    // Central differences of the objective with respect to every element of parameter, compared with
    // gradientAfter - gradientBefore.
    public static void AssertMatches(string name, float[] parameter, float[] gradientAfter, float[] gradientBefore, Func<double> objective)
    {
        Assert.Equal(parameter.Length, gradientAfter.Length);
        Assert.Equal(parameter.Length, gradientBefore.Length);
        for (var i = 0; i < parameter.Length; i++)
        {
            var analytic = (double)gradientAfter[i] - gradientBefore[i];
            var numeric = NumericDerivative(parameter, i, objective);
            var error = Math.Abs(analytic - numeric);
            Assert.True(
                error <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric)),
                $"{name}[{i}]: backward gives {analytic:G6}, central difference gives {numeric:G6}.");
        }
    }

    // Same, for a gradient that is written rather than accumulated (the cross-entropy loss).
    public static void AssertMatches(string name, float[] parameter, float[] gradient, Func<double> objective)
        => AssertMatches(name, parameter, gradient, new float[gradient.Length], objective);

    public static double NumericDerivative(float[] parameter, int index, Func<double> objective)
    {
        var saved = parameter[index];
        var up = saved + Step;
        var down = saved - Step;
        parameter[index] = up;
        var above = objective();
        parameter[index] = down;
        var below = objective();
        parameter[index] = saved;

        // Divide by the step actually taken after rounding to float.
        return (above - below) / ((double)up - down);
    }

    // The random weighted sum that serves as the scalar objective.
    public static double Objective(ReadOnlySpan<float> output, ReadOnlySpan<float> weights)
    {
        Assert.Equal(weights.Length, output.Length);
        double sum = 0;
        for (var i = 0; i < output.Length; i++)
        {
            sum += (double)output[i] * weights[i];
        }

        return sum;
    }

    public static float[] Uniform(RandomGenerator generator, int length, float low = -1f, float high = 1f)
    {
        var values = new float[length];
        generator.FillUniform(low, high, values);
        return values;
    }
}
