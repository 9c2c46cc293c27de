// Argument validation of the decay shapes: from the spec language and from C#, every error is one line
// naming the parameter, the bad value and what is allowed.
namespace Ramp.Tests.Decay;

public class DecayArgumentTests
{
    [Theory]
    [InlineData("step(step_size=0)", "step: step_size=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("step(step_size=2.5)", "step: step_size=2.5 is not allowed; allowed: an integer >= 1")]
    [InlineData("step(step_size=3, gamma=-0.1)", "step: gamma=-0.1 is not allowed; allowed: a number >= 0")]
    [InlineData("multistep(milestones=[5, 2])", "multistep: milestones=[5, 2] is not allowed; allowed: strictly increasing integers >= 0")]
    [InlineData("multistep(milestones=[2, 2])", "multistep: milestones=[2, 2] is not allowed; allowed: strictly increasing integers >= 0")]
    [InlineData("piecewise(boundaries=[5], values=[1])", "piecewise: values has 1 elements; allowed: 2, one more than boundaries")]
    [InlineData("piecewise(boundaries=[5], values=[1, -2])", "piecewise: values[1]=-2 is not allowed; allowed: a list of numbers >= 0")]
    [InlineData("linear(steps=0)", "linear: steps=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("exponential(rate=0.5, steps=0)", "exponential: steps=0 is not allowed; allowed: a number > 0")]
    [InlineData("exponential(steps=2)", "exponential: missing required parameter 'rate' (a number >= 0)")]
    [InlineData("natural_exponential(rate=-1)", "natural_exponential: rate=-1 is not allowed; allowed: a number >= 0")]
    [InlineData("inverse_time(rate=inf)", "inverse_time: rate=inf is not allowed; allowed: a finite number >= 0")]
    [InlineData("polynomial(steps=10, power=-2)", "polynomial: power=-2 is not allowed; allowed: a number >= 0")]
    [InlineData("inverse_sqrt(warmup_steps=-1)", "inverse_sqrt: warmup_steps=-1 is not allowed; allowed: an integer >= 0")]
    [InlineData("inverse_sqrt(timescale=0)", "inverse_sqrt: timescale=0 is not allowed; allowed: a number > 0 or None")]
    [InlineData("noam(d_model=512, warmup_steps=0)", "noam: warmup_steps=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("noam(d_model=-512, warmup_steps=10)", "noam: d_model=-512 is not allowed; allowed: a number > 0")]
    public void Rejects_bad_spec_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public static TheoryData<Action, string> Constructors => new()
    {
        { () => _ = new StepSchedule(0), "step_size=0 is not allowed; allowed: an integer >= 1" },
        { () => _ = new StepSchedule(2, double.NaN), "gamma=nan is not allowed; allowed: a finite number >= 0" },
        { () => _ = new MultiStepSchedule([3, 1]), "milestones=[3, 1] is not allowed; allowed: strictly increasing integers >= 0" },
        { () => _ = new PiecewiseSchedule([-1], [1, 2]), "boundaries=[-1] is not allowed; allowed: strictly increasing integers >= 0" },
        { () => _ = new LinearSchedule(-1, 0, 5), "start=-1 is not allowed; allowed: a finite number >= 0" },
        { () => _ = new ExponentialSchedule(0.5, double.PositiveInfinity), "steps=inf is not allowed; allowed: a finite number > 0" },
        { () => _ = new NaturalExponentialSchedule(0.5, 0), "steps=0 is not allowed; allowed: a finite number > 0" },
        { () => _ = new InverseTimeSchedule(-0.5), "rate=-0.5 is not allowed; allowed: a finite number >= 0" },
        { () => _ = new PolynomialSchedule(0), "steps=0 is not allowed; allowed: an integer >= 1" },
        { () => _ = new InverseSqrtSchedule(10, -1), "timescale=-1 is not allowed; allowed: a finite number > 0" },
        { () => _ = new NoamSchedule(512, 4000, -1), "factor=-1 is not allowed; allowed: a finite number >= 0" },
    };

    [Theory]
    [MemberData(nameof(Constructors))]
    public void Constructors_reject_bad_arguments_with_the_spec_name_of_the_parameter(Action create, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(create);

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
