// PyTorch's own vectors for StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR and PolynomialLR,
// and chained products of them computed by hand from Ramp's closed forms.
// Source: pytorch/pytorch test/optim/test_lrscheduler.py @01f9ef32 (schedulers.md C13, C14). Harness B
// (expected[k] is the lr after k scheduler steps), so expected[k] == Rate(k). Groups: base 0.05 and 0.5.
// PyTorch's tolerance is atol 1e-5; these vectors are exact formulas, checked to 1e-12 relative.
namespace Ramp.Tests.Decay;

public class PyTorchDecayVectorTests
{
    private const double Base = 0.05;

    public static TheoryData<string, double[]> Vectors => new()
    {
        // test_step_lr
        { "StepLR(gamma=0.1, step_size=3)", [.. Rates.Repeat(0.05, 3), .. Rates.Repeat(0.005, 3), .. Rates.Repeat(0.0005, 3), .. Rates.Repeat(0.00005, 3)] },
        // test_multi_step_lr
        { "MultiStepLR(gamma=0.1, milestones=[2, 5, 9])", [.. Rates.Repeat(0.05, 2), .. Rates.Repeat(0.005, 3), .. Rates.Repeat(0.0005, 4), .. Rates.Repeat(0.00005, 3)] },
        // test_constantlr
        { "ConstantLR(factor=0.5, total_iters=5)", [.. Rates.Repeat(0.025, 5), .. Rates.Repeat(0.05, 5)] },
        // test_linearlr
        { "LinearLR(start_factor=0.5, total_iters=4)", [0.025, 0.03125, 0.0375, 0.04375, .. Rates.Repeat(0.05, 6)] },
        // test_get_last_lr_linearlr
        { "LinearLR(start_factor=0.25, end_factor=0.6, total_iters=4)", [0.0125, 0.016875, 0.02125, 0.025625, .. Rates.Repeat(0.03, 6)] },
        // test_exp_lr: [0.05 * 0.9**x for x in range(10)]
        { "ExponentialLR(gamma=0.9)", Rates.Of(10, x => 0.05 * Math.Pow(0.9, x)) },
        // test_poly_lr: [(1 - x/5)**0.9 * 0.05 for x in range(5)] + [0.0] * 5
        { "PolynomialLR(power=0.9, total_iters=5)", [.. Rates.Of(5, x => Math.Pow(1 - (x / 5.0), 0.9) * 0.05), .. Rates.Repeat(0, 5)] },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Matches_the_pytorch_test_vector_for_both_groups(string spec, double[] expected)
    {
        var schedule = Schedule.Parse(spec);

        Rates.Equal(expected, schedule, Base);
        Rates.Equal([.. expected.Select(rate => rate * 10)], schedule, Base * 10);
    }

    // ChainedScheduler and a list of schedulers stepped together multiply the recursive factors; for these
    // schedulers that product equals the product of the closed forms, which is what these tests check (the
    // composition itself is not exercised here). Each test checks `epochs` = 10 values (9 for chained_lr4);
    // the targets are trimmed to what the test checks.
    public static TheoryData<string[], double[]> Chains => new()
    {
        // test_chained_lr2
        { ["LinearLR(start_factor=0.4, total_iters=3)"], [0.02, 0.03, 0.04, .. Rates.Repeat(0.05, 7)] },
        // test_chained_lr3
        {
            ["LinearLR(start_factor=0.4, total_iters=3)", "MultiStepLR(milestones=[4, 8, 10], gamma=0.1)"],
            [0.02, 0.03, 0.04, 0.05, .. Rates.Repeat(0.005, 4), .. Rates.Repeat(0.0005, 2)]
        },
        // test_chained_lr4
        {
            ["ExponentialLR(gamma=0.9)", "ConstantLR(factor=0.2, total_iters=4)", "StepLR(gamma=0.1, step_size=3)"],
            [
                .. Rates.Of(3, x => 0.05 * 0.2 * Math.Pow(0.9, x)),
                0.05 * 0.2 * Math.Pow(0.9, 3) * 0.1,
                .. Rates.Of(2, i => 0.05 * Math.Pow(0.9, i + 4) * 0.1),
                .. Rates.Of(3, i => 0.05 * Math.Pow(0.9, i + 6) * 0.01),
            ]
        },
        // test_chained_lr5
        {
            ["PolynomialLR(power=0.9, total_iters=5)", "ConstantLR(factor=0.1)"],
            [.. Rates.Of(5, x => 0.05 * Math.Pow(1 - (x / 5.0), 0.9) * 0.1), .. Rates.Repeat(0, 5)]
        },
        // test_compound_step_and_multistep_lr
        {
            ["StepLR(gamma=0.1, step_size=3)", "MultiStepLR(gamma=0.1, milestones=[2, 5, 9])"],
            [0.05, 0.05, 0.005, 5e-4, 5e-4, 5e-5, 5e-6, 5e-6, 5e-6, 5e-8]
        },
        // test_compound_step_and_exp_lr
        {
            ["StepLR(gamma=0.1, step_size=3)", "ExponentialLR(gamma=0.9)"],
            Rates.Of(10, x => 0.05 * Math.Pow(0.1, x / 3) * Math.Pow(0.9, x))
        },
        // test_compound_exp_and_multistep_lr
        {
            ["MultiStepLR(gamma=0.1, milestones=[2, 5, 9])", "ExponentialLR(gamma=0.9)"],
            [.. Rates.Of(2, x => 0.05 * Math.Pow(0.9, x)), .. Rates.Of(3, i => 0.005 * Math.Pow(0.9, i + 2)), .. Rates.Of(4, i => 0.0005 * Math.Pow(0.9, i + 5)), 0.00005 * Math.Pow(0.9, 9)]
        },
        // test_compound_exp_and_linearlr
        {
            ["LinearLR(start_factor=0.4, end_factor=0.9, total_iters=4)", "ExponentialLR(gamma=0.9)"],
            Rates.Of(10, x => 0.05 * Math.Pow(0.9, x) * (x < 4 ? 0.4 + (x / 4.0 * (0.9 - 0.4)) : 0.9))
        },
        // test_compound_step_and_constantlr
        {
            ["StepLR(gamma=0.1, step_size=3)", "ConstantLR(factor=0.4, total_iters=4)"],
            [.. Rates.Repeat(0.05 * 0.4, 3), 0.005 * 0.4, 0.005, 0.005, .. Rates.Repeat(0.0005, 3), 0.00005]
        },
        // test_compound_linearlr_and_multistep_lr
        {
            ["MultiStepLR(gamma=0.1, milestones=[2, 5, 9])", "LinearLR(start_factor=0.4, total_iters=4)"],
            [0.05 * 0.4, 0.05 * 0.55, 0.005 * 0.7, 0.005 * 0.85, 0.005, .. Rates.Repeat(0.0005, 4), 0.00005]
        },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Products_of_closed_forms_match_pytorchs_chained_vectors(string[] specs, double[] expected)
    {
        var schedules = specs.Select(Schedule.Parse).ToArray();

        for (var step = 0; step < expected.Length; step++)
        {
            var rate = Base;
            foreach (var schedule in schedules)
            {
                rate *= schedule.Rate(step);
            }

            Rates.Close(expected[step], rate, what: $"{string.Join(" * ", specs)} at step {step}");
        }
    }

    [Fact]
    public void MultiStepLR_applies_a_repeated_milestone_once_per_listing_in_any_order()
    {
        // PyTorch keeps the milestones in a Counter: [5, 2, 5] drops by gamma at 2 and by gamma² at 5.
        var schedule = Schedule.Parse("MultiStepLR(milestones=[5, 2, 5], gamma=0.5)");

        Rates.Equal([1, 1, 0.5, 0.5, 0.5, 0.125, 0.125], schedule);
    }

    [Theory]
    [InlineData("ConstantLR(total_iters=0)", "total_iters=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("ConstantLR(factor=1.5)", "factor=1.5 is not allowed; allowed: a number in [0, 1]")]
    [InlineData("LinearLR(start_factor=0)", "start_factor=0 is not allowed; allowed: a number in (0, 1]")]
    [InlineData("LinearLR(total_iters=0)", "total_iters=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("ExponentialLR()", "missing required parameter 'gamma' (a number >= 0)")]
    [InlineData("StepLR(step_size=0)", "step_size=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("MultiStepLR(milestones=[-1, 3])", "milestones[0]=-1 is not allowed; allowed: a list of integers >= 0")]
    [InlineData("PolynomialLR(power=-1)", "power=-1 is not allowed; allowed: a number >= 0")]
    public void Rejects_what_pytorch_would_fail_on_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }
}
