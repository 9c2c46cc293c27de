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
    [InlineData("f(a=1", 5, "unexpected end of the spec; expected ',' or ')' to close the call to f opened at 0")]
    [InlineData("f(a=1, a=2)", 7, "given twice")]
    [InlineData("f(a=1, 2)", 7, "positional argument of f follows a keyword argument")]
    [InlineData("f(a=1x)", 5, "unexpected 'x'")]
    [InlineData("f(a='open)", 4, "unterminated string")]
    [InlineData("f() g()", 4, "after the end")]
    [InlineData("3", 0, "expected a schedule call")]
    [InlineData("f(a=1.2.3)", 4, "'1.2.3' is not a number")]
    [InlineData("f(a=1 b=2)", 6, "unexpected 'b'; expected ',' or ')' in the call to f opened at 0")]
    [InlineData("f(a=[1, 2)", 9, "unexpected ')'; expected ',' or ']' in the list opened at 4")]
    [InlineData("f(a={1: 2", 9, "unexpected end of the spec; expected ',' or '}' to close the map opened at 4")]
    [InlineData("f(a={1 2})", 7, "expected ':' after a map key")]
    [InlineData("f(a={1: 2, 1: 3})", 11, "map key 1 is given twice")]
    [InlineData("f(a='x\\qy')", 6, "unknown escape '\\q' in a string")]
    [InlineData("f(a=1e400)", 4, "'1e400' is beyond the range of a double")]
    [InlineData("f(a=-x)", 4, "unexpected 'x' after a sign")]
    [InlineData("f(a=@)", 4, "unexpected '@'; expected a value")]
    [InlineData("f(a=)", 4, "unexpected ')'; expected a value")]
    public void Reports_syntax_errors_with_their_position(string text, int position, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_64_levels_instead_of_overflowing_the_stack()
    {
        var text = "f(a=" + new string('[', 100_000) + new string(']', 100_000) + ")";

        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(text));

        Assert.Contains("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_nesting_of_64_levels()
    {
        var text = "f(a=" + new string('[', 63) + new string(']', 63) + ")";

        Assert.Equal(text, SpecParser.Parse(text).ToString());
    }

    [Theory]
    [InlineData("f(a='it\\'s', b=\"say \\\"hi\\\"\", c='back\\\\slash', d='tab\\tnew\\nline')")]
    [InlineData("f(a=-0, b=5E-324, c=1.7976931348623157E+308, d=0.30000000000000004, e=nan)")]
    [InlineData("f(m={-1.5: [1, 2], 'k': g(x=None)})")]
    public void Prints_strings_numbers_and_maps_back_to_text_that_parses_to_the_same_tree(string text)
    {
        var printed = SpecParser.Parse(text).ToString();

        Assert.Equal(printed, SpecParser.Parse(printed).ToString());
    }

    [Fact]
    public void Reads_the_escapes_of_quoted_strings()
    {
        var call = SpecParser.Parse("f('it\\'s', \"say \\\"hi\\\"\", 'a\\\\b', 'tab\\tnew\\nline')");

        Assert.Equal(["it's", "say \"hi\"", "a\\b", "tab\tnew\nline"], call.Positional.Select(value => ((SpecText)value).Value));
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData(" [1, (2, 3)] ", "[1, [2, 3]]")]
    [InlineData("'inf'", "'inf'")]
    public void Parses_a_single_value_of_any_kind(string text, string printed)
        => Assert.Equal(printed, SpecParser.ParseValue(text).ToString());
}
