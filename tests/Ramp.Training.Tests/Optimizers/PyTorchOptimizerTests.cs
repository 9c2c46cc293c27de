// Ramp's optimizers against torch.optim of PyTorch 1.13 on the same parameters, groups and gradients.
// Golden data: Fixtures/optimizers/optimizers.json, from tools/fixtures/optimizers.py.
// Tolerance: none. Ramp performs PyTorch's float32 operations in PyTorch's order, with fused multiply-adds
// exactly where PyTorch's AVX2 kernels fuse, so every parameter after every step is bit-identical, for the
// vectorized loop (ffn.weight) and the scalar tails alike. The one exception is clipping: PyTorch sums the
// squared gradients in float32, tensor by tensor, Ramp in double over the flat block, so the norm may differ
// by 1 ulp, the clipped gradients by as much, and the parameters by up to 2^-23 (1 ulp at 1.0).
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class PyTorchOptimizerTests
{
    private const float ClippedTolerance = 1f / (1 << 23);

    public static TheoryData<string> CaseNames => [.. OptimizerFixture.Default.Cases.Select(item => item.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parameters_after_every_step_match_pytorch(string caseName)
    {
        var fixture = OptimizerFixture.Default;
        var fixtureCase = fixture.Case(caseName);
        var optimizer = fixture.Create(fixtureCase, fixture.Groups(fixtureCase));
        var parameters = fixture.InitialParameters.ToArray();
        var expected = fixtureCase.GetProperty("parameters_after_step").EnumerateArray().Select(OptimizerFixture.Floats).ToArray();
        var clipped = fixtureCase.TryGetProperty("clip_max_norm", out var maxNorm);
        for (var step = 0; step < expected.Length; step++)
        {
            var gradients = fixture.Gradients[step].ToArray();
            if (fixtureCase.TryGetProperty("learning_rates", out var rates))
            {
                for (var g = 0; g < optimizer.Groups.Count; g++)
                {
                    optimizer.Groups[g].LearningRate = rates[step][g].GetDouble();
                }
            }
            if (clipped)
            {
                var norm = GradientClipping.ClipByGlobalNorm(gradients, maxNorm.GetDouble());
                var expectedNorm = (float)fixtureCase.GetProperty("gradient_norms")[step].GetDouble();
                Assert.InRange(FloatDistance.Ulps(norm.Norm, expectedNorm), 0, 1);
                Assert.Equal(expectedNorm > maxNorm.GetDouble(), norm.Clipped);
            }
            optimizer.Step(parameters, gradients);
            for (var i = 0; i < parameters.Length; i++)
            {
                if (clipped)
                {
                    Assert.True(Math.Abs(parameters[i] - expected[step][i]) <= ClippedTolerance,
                        $"step {step + 1}, parameter {i}: {parameters[i]:R} vs PyTorch {expected[step][i]:R}");
                }
                else
                {
                    Assert.True(BitConverter.SingleToInt32Bits(parameters[i]) == BitConverter.SingleToInt32Bits(expected[step][i]),
                        $"step {step + 1}, parameter {i}: {parameters[i]:R} vs PyTorch {expected[step][i]:R} ({FloatDistance.Ulps(parameters[i], expected[step][i])} ulps)");
                }
            }
        }
    }

    [Fact]
    public void Fixture_covers_both_sides_of_the_clipping_threshold_and_of_the_radam_rectification()
    {
        var fixture = OptimizerFixture.Default;
        var clippedCase = fixture.Case("adam_clipped");
        var maxNorm = clippedCase.GetProperty("clip_max_norm").GetDouble();
        var norms = clippedCase.GetProperty("gradient_norms").EnumerateArray().Select(norm => norm.GetDouble()).ToArray();
        Assert.Contains(norms, norm => norm > maxNorm);
        Assert.Contains(norms, norm => norm < maxNorm);
        var steps = fixture.Case("radam").GetProperty("parameters_after_step").GetArrayLength();
        Assert.False(RAdam.IsAdaptive(0.999, 5));
        Assert.True(RAdam.IsAdaptive(0.999, steps));
    }
}
