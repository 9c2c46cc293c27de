// RAdam's variance rectification: golden values from /work/shared/reference/papers.md, section 4.3, R4.1
// (Liu et al., arXiv 1908.03265v4, computed from the paper's formulas): rho_t to the 4 decimals given there,
// r_t to 5; the tolerances are half a unit in the last decimal.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class RAdamRectificationTests
{
    private const double RhoTolerance = 5e-5;
    private const double Tolerance = 5e-6;

    [Theory]
    [InlineData(1, 1.0000)]
    [InlineData(2, 1.9995)]
    [InlineData(3, 2.9987)]
    [InlineData(4, 3.9975)]
    [InlineData(5, 4.9960)]
    public void Approximated_sma_length_for_beta2_0_999_matches_the_paper(long step, double expected) =>
        Assert.Equal(expected, RAdam.ApproximateSmaLength(0.999, step), RhoTolerance);

    [Fact]
    public void Approximated_sma_length_for_beta2_0_98_at_step_5_matches_the_paper() =>
        Assert.Equal(4.9192, RAdam.ApproximateSmaLength(0.98, 5), RhoTolerance);

    [Theory]
    [InlineData(0.999, 5, 0.01731)]
    [InlineData(0.999, 6, 0.02582)]
    [InlineData(0.999, 10, 0.04900)]
    [InlineData(0.999, 100, 0.21534)]
    [InlineData(0.999, 1000, 0.64533)]
    [InlineData(0.999, 2000, 0.82839)]
    [InlineData(0.999, 5000, 0.98288)]
    [InlineData(0.98, 5, 0.07655)]
    [InlineData(0.98, 10, 0.21974)]
    [InlineData(0.98, 100, 0.81967)]
    [InlineData(0.995, 5, 0.03863)]
    [InlineData(0.995, 10, 0.10963)]
    [InlineData(0.995, 100, 0.46715)]
    public void Rectification_term_matches_the_paper(double beta2, long step, double expected) =>
        Assert.Equal(expected, RAdam.RectificationTerm(beta2, step), Tolerance);

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.98)]
    [InlineData(0.995)]
    public void Step_5_is_momentum_sgd_and_step_6_is_adaptive_under_pytorchs_threshold(double beta2)
    {
        Assert.False(RAdam.IsAdaptive(beta2, 5));
        Assert.True(RAdam.IsAdaptive(beta2, 6));
    }

    [Fact]
    public void Beta2_at_or_below_0_6_never_rectifies()
    {
        for (long step = 1; step <= 10_000; step *= 10)
        {
            Assert.False(RAdam.IsAdaptive(0.6, step));
        }
    }

    [Fact]
    public void Un_rectified_step_moves_parameters_by_bias_corrected_momentum_times_learning_rate()
    {
        var group = new ParameterGroup("all", [new ParameterRange(0, 3)], learningRate: 0.1);
        var optimizer = new RAdam(3, [group]);
        float[] parameters = [1f, -2f, 0.5f];
        float[] gradients = [0.3f, -0.7f, 2f];
        optimizer.Step(parameters, gradients);
        // Step 1: m = (1 - beta1) g, bias-corrected back to g, so p = p - lr*g (float32 arithmetic).
        Assert.Equal([1f - 0.1f * 0.3f, -2f + 0.1f * 0.7f, 0.5f - 0.1f * 2f], parameters, new FloatTolerance(1e-6f));
    }
}
