using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class ResidualTests
{
    [Fact]
    public void Forward_adds_and_backward_passes_the_gradient_to_both_paths()
    {
        var generator = new RandomGenerator(50);
        var input = GradientCheck.Uniform(generator, 13);
        var branch = GradientCheck.Uniform(generator, 13);
        var weights = GradientCheck.Uniform(generator, 13);
        var output = new float[13];
        double Objective()
        {
            Residual.Forward(input, branch, output);
            return GradientCheck.Objective(output, weights);
        }

        var inputBefore = GradientCheck.Uniform(generator, 13);
        var branchBefore = GradientCheck.Uniform(generator, 13);
        var inputGradient = (float[])inputBefore.Clone();
        var branchGradient = (float[])branchBefore.Clone();
        Residual.Backward(weights, inputGradient, branchGradient);

        Objective();
        Assert.Equal(input[3] + branch[3], output[3]);
        GradientCheck.AssertMatches("input", input, inputGradient, inputBefore, Objective);
        GradientCheck.AssertMatches("branch", branch, branchGradient, branchBefore, Objective);
    }
}
