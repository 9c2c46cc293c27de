// pytorch_warmup's warmups against its own tests (C18): Tony-Y/pytorch_warmup test/test_base.py,
// test/test_untuned.py, test/test_radam.py @ed598d3. Groups at lr 0.5 and 0.1, LambdaLR(1) underneath.
// Harness: the lr is read before optimizer.step() at iterations k = 1..10, so expected[k] is Rate(k − 1).
using Ramp.Tests.Running;

namespace Ramp.Tests.Warmup;

public class PytorchWarmupTests
{
    private static readonly double[] Groups = [0.5, 0.1];

    private static void CheckBothGroups(string spec, Func<int, double> factor)
    {
        var schedule = Schedule.Parse(spec);
        foreach (var (baseRate, group) in Groups.Select((rate, index) => (rate, index)))
        {
            var expected = Enumerable.Range(1, 10).Select(k => baseRate * factor(k)).ToArray();
            Drive.Close(expected, Drive.Rates(schedule, 10, baseRate, group), 1e-14);
        }
    }

    // test_base.py::test_linear: lr = base·k/5 for k < 5, then base.
    [Fact]
    public void LinearWarmup_reaches_the_base_rate_at_its_period()
        => CheckBothGroups("pytorch_warmup.LinearWarmup(warmup_period=5)", k => k < 5 ? k / 5.0 : 1.0);

    // test_base.py::test_exponetial: lr = base·(1 − exp(−k/5)).
    [Fact]
    public void ExponentialWarmup_saturates_with_its_time_constant()
        => CheckBothGroups("ExponentialWarmup(warmup_period=5)", k => 1 - Math.Exp(-k / 5.0));

    // test_untuned.py::test_untuned_linear with betas=(0.9, 0.7): τ = int(2/0.3) = 6.
    [Fact]
    public void UntunedLinearWarmup_truncates_its_period()
        => CheckBothGroups("UntunedLinearWarmup(beta2=0.7)", k => k < 6 ? k / 6.0 : 1.0);

    // test_untuned.py::test_untuned_exponential with betas=(0.9, 0.7): τ = int(1/0.3) = 3.
    [Fact]
    public void UntunedExponentialWarmup_truncates_its_time_constant()
        => CheckBothGroups("UntunedExponentialWarmup(beta2=0.7)", k => 1 - Math.Exp(-k / 3.0));

    // test_radam.py::test_radam with betas=(0.9, 0.7): the exact factors ewf[k], offset 6, ρ∞ = 17/3.
    [Fact]
    public void RAdamWarmup_matches_the_exact_factors()
    {
        double[] exact =
        [
            3 * Math.Sqrt(55795775461652507765.0) / 126458170465,
            3 * Math.Sqrt(118975550786574877912913153615.0) / 2269508758199815.0,
            3 * Math.Sqrt(364009685132320107701159663753.0) / 2992977113632385.0,
            3 * Math.Sqrt(258572826689968392763003617038979.0) / 68225651323259287.0,
            3 * Math.Sqrt(668289519821298522824847043230807053.0) / 3138599717744915303.0,
            3 * Math.Sqrt(60431582784117573249154657184784100939048735.0) / 27879860688339331112605.0,
            3 * Math.Sqrt(3668869686599344602586804992292010752258094185.0) / 207030521845988349697045.0,
            3 * Math.Sqrt(38610293903545800493859693214989542002076301625518651.0) / 648745826249577848268496415.0,
            3 * Math.Sqrt(12026080263946093429637752207887183661294840713819813.0) / 353035787321509409011021039.0,
            3 * Math.Sqrt(456865593113897246792694328842050091932272202605586577311.0) / 67546148486329926220639511801.0,
        ];

        CheckBothGroups("pytorch_warmup.RAdamWarmup(beta2=0.7)", k => exact[k - 1]);
    }

    // test_base.py::test_linear_chaining: under LinearWarmup(5), the dampened lr at iteration k is the undampened
    // lr times k/5 for k < 5 and the undampened lr afterwards. Here the chain is a product of Ramp's own schedules.
    [Fact]
    public void LinearWarmup_dampens_a_chained_schedule_by_its_factor()
    {
        const string chain = "product(schedules=[sequence(schedules=[constant(1), constant(0.1), constant(0.01), constant(0.001)], boundaries=[3, 6, 9]), constant(0.9)])";
        var undampened = Schedule.Parse(chain);
        var dampened = Schedule.Parse($"pytorch_warmup.LinearWarmup(warmup_period=5, schedule={chain})");

        foreach (var (baseRate, group) in Groups.Select((rate, index) => (rate, index)))
        {
            for (var k = 1; k <= 10; k++)
            {
                var expected = undampened.Rate(k - 1, baseRate, group) * (k < 5 ? k / 5.0 : 1.0);
                Assert.Equal(expected, dampened.Rate(k - 1, baseRate, group), 15);
            }
        }
    }

    // The same test with the PyTorch schedulers of the test itself: needs the decay helper's ExponentialLR and StepLR.
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void LinearWarmup_dampens_ExponentialLR_chained_with_StepLR_NeedsDecayMerge()
    {
        const string chain = "ChainedScheduler(schedulers=[ExponentialLR(gamma=0.9), StepLR(step_size=3, gamma=0.1)])";
        var undampened = Schedule.Parse(chain);
        var dampened = Schedule.Parse($"pytorch_warmup.LinearWarmup(warmup_period=5, schedule={chain})");

        foreach (var (baseRate, group) in Groups.Select((rate, index) => (rate, index)))
        {
            for (var k = 1; k <= 10; k++)
            {
                var expected = baseRate * Math.Pow(0.9, k - 1) * Math.Pow(0.1, (k - 1) / 3) * (k < 5 ? k / 5.0 : 1.0);
                Assert.Equal(expected, dampened.Rate(k - 1, baseRate, group), 15);
                Assert.Equal(undampened.Rate(k - 1, baseRate, group) * (k < 5 ? k / 5.0 : 1.0), dampened.Rate(k - 1, baseRate, group), 15);
            }
        }
    }

    [Theory]
    [InlineData("pytorch_warmup.LinearWarmup(warmup_period=0)", "LinearWarmup: warmup_period=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("pytorch_warmup.LinearWarmup(warmup_period=5.0)", null)]
    [InlineData("pytorch_warmup.LinearWarmup(warmup_period=5.5)", "LinearWarmup: warmup_period=5.5 is not allowed; allowed: an integer >= 1, whole and at most 2^53 in magnitude")]
    [InlineData("LinearWarmup(warmup_period=5)", "'LinearWarmup' is ambiguous; qualify it as one of paddle.LinearWarmup, pytorch_warmup.LinearWarmup")]
    [InlineData("pytorch_warmup.RAdamWarmup(beta2=0.5)", "RAdamWarmup: beta2=0.5 is not allowed; allowed: a number in (0.6, 1)")]
    public void Validates_its_arguments(string spec, string? message)
    {
        if (message is null)
        {
            Assert.Equal(0.2, Schedule.Parse(spec).Rate(0));
            return;
        }

        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pytorch_warmup.LinearWarmup(warmup_period=5, schedule=constant(value=1))")]
    [InlineData("ExponentialWarmup(warmup_period=3, schedule=constant(value=0.5))")]
    [InlineData("pytorch_warmup.RAdamWarmup(beta2=0.99, schedule=constant(value=1))")]
    public void Prints_its_definition_and_parses_back(string spec)
        => Assert.Equal(spec, Schedule.Parse(Schedule.Parse(spec).ToString()).ToString());
}
