// Paddle's decay schedulers against the reference functions of its own test, and NoamDecay's sample values.
// Source: PaddlePaddle/Paddle test/legacy_test/test_lr_scheduler.py @04a048e (schedulers.md C20, b.9): each
// scheduler is compared, with exact equality, to a Python reference function at epochs 0..19, reading the lr
// before scheduler.step() (B): expected[epoch] == Rate(epoch). The expected values below restate those
// reference functions for the test's argument sets; checked to 1e-12 relative.
namespace Ramp.Tests.Decay;

public class PaddleDecayVectorTests
{
    private const int Epochs = 20;

    public static TheoryData<string, double[]> References => new()
    {
        // noam_lr(d_model=0.01, warmup_steps=100): a = 1 at epoch 0, else epoch^-0.5; b = 100^-1.5 · epoch.
        {
            "NoamDecay(d_model=0.01, warmup_steps=100)",
            Rates.Of(Epochs, epoch => Math.Pow(0.01, -0.5) * Math.Min(epoch == 0 ? 1 : Math.Pow(epoch, -0.5), Math.Pow(100, -1.5) * epoch))
        },
        // piecewise_lr: values[i] for the first boundary with epoch < boundaries[i].
        {
            "PiecewiseDecay(boundaries=[3, 6, 9, 15, 20], values=[0.1, 0.2, 0.3, 0.4, 0.5, 0.6])",
            Rates.Of(Epochs, epoch => epoch < 3 ? 0.1 : epoch < 6 ? 0.2 : epoch < 9 ? 0.3 : epoch < 15 ? 0.4 : epoch < 20 ? 0.5 : 0.6)
        },
        { "paddle.NaturalExpDecay(learning_rate=0.5, gamma=0.1)", Rates.Of(Epochs, epoch => 0.5 * Math.Exp(-1 * 0.1 * epoch)) },
        { "paddle.InverseTimeDecay(learning_rate=0.5, gamma=0.1)", Rates.Of(Epochs, epoch => 0.5 / (1 + (0.1 * epoch))) },
        // polynomial_lr without cycle: epoch = min(epoch, decay_steps).
        {
            "paddle.PolynomialDecay(learning_rate=0.5, decay_steps=20, end_lr=0, power=1.0, cycle=False)",
            Rates.Of(Epochs, epoch => 0.5 * (1 - (Math.Min(epoch, 20) / 20.0)))
        },
        // polynomial_lr with cycle: decay_steps · ceil(epoch / decay_steps), 1 at epoch 0.
        {
            "paddle.PolynomialDecay(learning_rate=0.5, decay_steps=20, end_lr=0, power=1.0, cycle=True)",
            Rates.Of(Epochs, epoch => 0.5 * (1 - (epoch / (20.0 * Math.Max(1, Math.Ceiling(epoch / 20.0))))))
        },
        { "paddle.ExponentialDecay(learning_rate=0.5, gamma=0.9)", Rates.Of(Epochs, epoch => 0.5 * Math.Pow(0.9, epoch)) },
        // multi_step_lr: gamma^i for the first milestone with epoch < milestones[i].
        {
            "MultiStepDecay(learning_rate=0.5, milestones=[3, 6, 9, 15, 20], gamma=0.8)",
            Rates.Of(Epochs, epoch => 0.5 * Math.Pow(0.8, epoch < 3 ? 0 : epoch < 6 ? 1 : epoch < 9 ? 2 : epoch < 15 ? 3 : epoch < 20 ? 4 : 5))
        },
        { "StepDecay(learning_rate=0.5, step_size=2, gamma=0.8)", Rates.Of(Epochs, epoch => 0.5 * Math.Pow(0.8, epoch / 2)) },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Matches_paddles_reference_function(string spec, double[] expected)
        => Rates.Equal(expected, Schedule.Parse(spec));

    [Fact]
    public void NoamDecay_matches_the_b9_sample_values()
    {
        var schedule = Schedule.Parse("NoamDecay(d_model=0.01, warmup_steps=100, learning_rate=1)");
        long[] steps = [0, 1, 2, 3, 100, 101];
        double[] expected = [0, 0.01, 0.02, 0.03, 1.0, 0.995037];

        for (var i = 0; i < steps.Length; i++)
        {
            Rates.Close(expected[i], schedule.Rate(steps[i]), relative: 0, absolute: 5e-7);
        }
    }

    [Theory]
    [InlineData("MultiStepDecay(0.5, [3, 2, 1])", "milestones=[3, 2, 1] is not allowed; allowed: strictly increasing integers >= 0")]
    [InlineData("MultiStepDecay(0.5, [1, 2, 3], gamma=2)", "gamma=2 is not allowed; allowed: a number in [0, 1)")]
    [InlineData("PiecewiseDecay(boundaries=[100, 200], values=[0.5, 0.1])", "values has 2 elements; allowed: 3, one more than boundaries")]
    [InlineData("paddle.PolynomialDecay(0.5, 20, power=0)", "power=0 is not allowed; allowed: a number > 0")]
    [InlineData("paddle.ExponentialDecay(0.5, gamma=1)", "gamma=1 is not allowed; allowed: a number in (0, 1)")]
    [InlineData("NoamDecay(d_model=0, warmup_steps=10)", "d_model=0 is not allowed; allowed: a number > 0")]
    public void Rejects_what_paddle_rejects_in_one_line(string spec, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
