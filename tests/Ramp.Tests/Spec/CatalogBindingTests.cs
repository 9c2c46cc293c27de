// Binding a call to a catalog entry: names ignore case and underscores, values are range-checked,
// errors name the parameter, the bad value and what is allowed, and unknown names get suggestions.
namespace Ramp.Tests.Spec;

public class CatalogBindingTests
{
    [Theory]
    [InlineData("constant(value=0.5)")]
    [InlineData("Constant(Value=0.5)")]
    [InlineData("CONSTANT(0.5)")]
    [InlineData("ramp.constant(va_lue=0.5)")]
    public void Names_match_ignoring_case_underscores_and_a_qualifier(string spec)
    {
        var schedule = Schedule.Parse(spec);

        Assert.Equal(0.5, schedule.Rate(123));
        Assert.Equal("constant(value=0.5)", schedule.ToString());
    }

    [Fact]
    public void Defaults_fill_the_canonical_definition()
        => Assert.Equal("constant(value=1)", Schedule.Parse("constant").ToString());

    [Theory]
    [InlineData("constant(value=-1)", "constant: value=-1 is not allowed; allowed: a number >= 0")]
    [InlineData("constant(value='high')", "constant: value='high' is not allowed; allowed: a number >= 0")]
    [InlineData("constant(valu=2)", "constant has no parameter 'valu'; did you mean value?")]
    [InlineData("constant(1, 2)", "constant takes at most 1 positional arguments, got 2")]
    [InlineData("constan(1)", "unknown schedule 'constan'; did you mean constant, get_constant_schedule, get_constant_schedule_with_warmup?")]
    [InlineData("torch.constant(1)", "'torch.constant': torch has no schedule 'constant'; known as constant")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }
}
