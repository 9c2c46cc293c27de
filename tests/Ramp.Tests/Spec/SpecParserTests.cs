// The spec syntax: Python call syntax pasted as is, printed back to text that parses to the same tree.
namespace Ramp.Tests.Spec;

public class SpecParserTests
{
    [Theory]
    [InlineData("StepLR(step_size=30)", "StepLR(step_size=30)")]
    [InlineData("  torch.optim.lr_scheduler.StepLR( 30 , gamma = 0.1 , ) ", "torch.optim.lr_scheduler.StepLR(30, gamma=0.1)")]
    [InlineData("f(a=True, b=false, c=None, d='x y', e=\"q\")", "f(a=true, b=false, c=None, d='x y', e='q')")]
    [InlineData("f(milestones=[2, 5, 9], r=(10, 50), m={5: 1.5, 10: 0.25})", "f(milestones=[2, 5, 9], r=[10, 50], m={5: 1.5, 10: 0.25})")]
    [InlineData("f(x=1e-5, y=-3, z=+2.5, w=1_000, v=inf, u=-inf)", "f(x=1E-05, y=-3, z=2.5, w=1000, v=inf, u=-inf)")]
    [InlineData("SequentialLR(schedulers=[ConstantLR(factor=0.1), ExponentialLR(0.9)], milestones=[3])", "SequentialLR(schedulers=[ConstantLR(factor=0.1), ExponentialLR(0.9)], milestones=[3])")]
    [InlineData("get_constant_schedule", "get_constant_schedule()")]
    public void Parses_python_call_syntax_and_prints_it_back(string text, string printed)
    {
        var call = SpecParser.Parse(text);

        Assert.Equal(printed, call.ToString());
        Assert.Equal(printed, SpecParser.Parse(printed).ToString());
    }

    [Theory]
    [InlineData("", 0, "empty spec")]
    [InlineData("f(a=1", 5, "expected ')'")]
    [InlineData("f(a=1, a=2)", 7, "given twice")]
    [InlineData("f(a=1, 2)", 7, "positional argument of f follows a keyword argument")]
    [InlineData("f(a=1x)", 5, "unexpected 'x'")]
    [InlineData("f(a='open)", 4, "unterminated string")]
    [InlineData("f() g()", 4, "after the end")]
    [InlineData("3", 0, "expected a schedule call")]
    [InlineData("f(a=1.2.3)", 4, "'1.2.3' is not a number")]
    public void Reports_syntax_errors_with_their_position(string text, int position, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
