using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class CrossEntropyTests
{
    [Fact]
    public void Uniform_logits_give_log_of_the_class_count()
    {
        var result = CrossEntropy.ForwardBackward(new float[2 * 5], [1, 4], 2, 5, 0f, -100, []);

        Assert.Equal(MathF.Log(5f), result.Loss, 6);
        Assert.Equal(2 * Math.Log(5), result.NegativeLogLikelihoodSum, 6);
        Assert.Equal(2, result.TargetCount);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    [InlineData(1f)]
    public void Gradient_matches_central_differences_of_the_loss_with_ignored_rows(float smoothing)
    {
        var generator = new RandomGenerator(60);
        const int Rows = 5, Classes = 13;
        int[] targets = [3, -100, 12, 0, -100];
        var logits = GradientCheck.Uniform(generator, Rows * Classes, -3f, 3f);
        double Objective() => CrossEntropy.ForwardBackward(logits, targets, Rows, Classes, smoothing, -100, []).Loss;

        var gradient = new float[logits.Length];
        CrossEntropy.ForwardBackward(logits, targets, Rows, Classes, smoothing, -100, gradient);

        GradientCheck.AssertMatches("logits", logits, gradient, Objective);
        Assert.All(gradient[Classes..(2 * Classes)], g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Gradient_may_overwrite_the_logits_in_place()
    {
        var logits = GradientCheck.Uniform(new RandomGenerator(61), 3 * 17, -4f, 4f);
        int[] targets = [16, 0, 5];
        var separate = new float[logits.Length];
        var expected = CrossEntropy.ForwardBackward(logits, targets, 3, 17, 0.1f, -1, separate);

        var inPlace = CrossEntropy.ForwardBackward(logits, targets, 3, 17, 0.1f, -1, logits);

        Assert.Equal(expected, inPlace);
        Assert.Equal(separate, logits);
    }

    [Fact]
    public void Every_row_ignored_gives_zero_loss_and_zero_gradient()
    {
        var gradient = new float[6];
        Array.Fill(gradient, 9f);

        var result = CrossEntropy.ForwardBackward([1, 2, 3, 4, 5, 6], [-100, -100], 2, 3, 0.1f, -100, gradient);

        Assert.Equal(new CrossEntropyResult(0f, 0, 0), result);
        Assert.All(gradient, g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData("cross_entropy")]
    [InlineData("cross_entropy_smoothed")]
    public void Matches_PyTorch_cross_entropy_loss(string name)
    {
        var fixture = OpsFixture.Load(name);
        int rows = fixture.Size("rows"), classes = fixture.Size("classes");
        var gradient = new float[rows * classes];

        var result = CrossEntropy.ForwardBackward(
            fixture.Floats("logits"), fixture.Ints("targets"), rows, classes, fixture.Number("label_smoothing"), fixture.Size("ignore_index"), gradient);

        OpsFixture.AssertClose("loss", fixture.Floats("loss"), [result.Loss]);
        OpsFixture.AssertClose("logits gradient", fixture.Floats("logits_gradient"), gradient);
    }

    [Fact]
    public void Target_outside_the_classes_is_rejected()
        => Assert.Throws<ArgumentException>(() => CrossEntropy.ForwardBackward(new float[6], [0, 3], 2, 3, 0f, -100, []));
}
