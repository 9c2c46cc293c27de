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
    [InlineData("constant(1, 2)", "constant takes at most 1 positional argument (value), got 2")]
    [InlineData("constan(1)", "unknown schedule 'constan'; did you mean constant")]
    [InlineData("torch.constant(1)", "'torch.constant': torch has no schedule 'constant'; known as constant")]
    [InlineData("toch.constant(1)", "unknown qualifier 'toch' in 'toch.constant'; did you mean torch? known qualifiers: ramp, torch, transformers, keras, optax, timm, fairseq, paddle, pytorch_warmup")]
    [InlineData("constant(value=inf)", "constant: value must be a finite number >= 0 (got inf)")]
    public void Rejects_bad_arguments_of_built_ins_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("linear_ramp(steps=2.5)", 18, "linear_ramp: steps=2.5 is not allowed; allowed: an integer > 0, whole and at most 2^53 in magnitude")]
    [InlineData("linear_ramp(steps=1e300)", 18, "linear_ramp: steps=1E+300 is not allowed; allowed: an integer > 0, whole and at most 2^53 in magnitude")]
    [InlineData("linear_ramp(peak=1)", 0, "linear_ramp: missing required parameter 'steps' (an integer > 0)")]
    [InlineData("sequence(schedules=[unit, unit], milestones=[5, -1])", 48, "sequence: milestones[1]=-1 is not allowed; allowed: a list of integers >= 1")]
    [InlineData("sequence(schedules=[unit, 3], milestones=[5])", 19, "sequence: schedules=[unit(), 3] is not allowed; allowed: a list of schedules")]
    [InlineData("sequence(schedules=[unit, unit], milestones=[5, 6])", 0, "sequence: milestones must have 1 steps for 2 schedules, got 2")]
    [InlineData("scaled_at(1, {10: -0.5})", 18, "scaled_at: boundaries_and_scales[10]=-0.5 is not allowed; allowed: a map of numbers to numbers >= 0")]
    [InlineData("scaled_at(1, {'a': 0.5})", 14, "scaled_at: boundaries_and_scales has the key 'a', a string; allowed: a map of numbers to numbers >= 0")]
    [InlineData("scaled(unit, mode='ad')", 18, "scaled: mode='ad' is not allowed; allowed: one of 'mul', 'add'; did you mean 'add'?")]
    [InlineData("scaled(unit, clip=1)", 18, "scaled: clip=1 is not allowed; allowed: true or false")]
    [InlineData("scaled(unit, factor=None)", 20, "scaled: factor=None is not allowed; allowed: a number >= 0")]
    [InlineData("scaled(linear_ramp(stepz=3))", 19, "linear_ramp has no parameter 'stepz'; did you mean steps?")]
    [InlineData("unit(x=1)", 5, "unit has no parameter 'x'; it takes no parameters")]
    public void Rejects_bad_arguments_naming_the_parameter_value_and_position(string spec, int position, string message)
    {
        var error = Assert.Throws<SpecException>(() => TestCatalog.Catalog.Parse(spec));

        Assert.Equal(position, error.Position);
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_shared_name_resolves_to_ramps_own_entry_and_a_qualifier_picks_the_peer()
    {
        Assert.Equal(ScheduleOrigin.Ramp, TestCatalog.Catalog.Resolve("LinearRamp").Origin);
        Assert.Equal(ScheduleOrigin.Keras, TestCatalog.Catalog.Resolve("tf.keras.optimizers.schedules.LinearRamp").Origin);
    }

    [Fact]
    public void A_shared_name_without_a_ramp_entry_is_ambiguous_and_lists_the_qualified_names()
    {
        var torch = TestCatalog.PeerRamp with { Origin = ScheduleOrigin.PyTorch };
        var catalog = new ScheduleCatalog([TestCatalog.PeerRamp, torch]);

        var error = Assert.Throws<SpecException>(() => catalog.Parse("LinearRamp(steps=3)"));

        Assert.Equal("at 0: 'LinearRamp' is ambiguous; qualify it as one of keras.LinearRamp, torch.LinearRamp", error.Message);
    }

    [Fact]
    public void The_canonical_name_is_qualified_only_where_the_bare_name_selects_another_entry()
    {
        Assert.Equal("linear_ramp", TestCatalog.Catalog.NameOf(TestCatalog.Ramp));
        Assert.Equal("keras.LinearRamp", TestCatalog.Catalog.NameOf(TestCatalog.PeerRamp));
        Assert.Equal("FloorLR", TestCatalog.Catalog.NameOf(TestCatalog.PeerFloor));
        Assert.Equal("keras.LinearRamp(steps=3)", TestCatalog.Catalog.Parse("keras.LinearRamp(3)").ToString());
    }

    [Fact]
    public void A_peer_entry_computed_by_a_native_schedule_keeps_the_peer_definition()
    {
        var schedule = TestCatalog.Catalog.Parse("torch.optim.lr_scheduler.FloorLR(0.25)");

        Assert.IsType<NamedSchedule>(schedule);
        Assert.Equal("FloorLR(factor=0.25, eta_min=0)", schedule.ToString());
    }

    [Fact]
    public void A_named_schedule_passes_the_base_rate_to_the_schedule_that_computes_it()
    {
        // FloorLR's floor is absolute: with base rate 0.01, 0.5 * 0.01 = 0.005 is raised to the floor 0.02.
        var schedule = TestCatalog.Catalog.Parse("FloorLR(factor=0.5, eta_min=0.02)");

        Assert.Equal(0.02, schedule.Rate(3, 0.01));
        Assert.Equal(0.5, schedule.Rate(3));
    }

    [Fact]
    public void Choices_match_ignoring_case_and_print_as_declared()
        => Assert.Equal(
            "scaled(schedule=unit(), factor=1, mode='add', clip=false)",
            TestCatalog.Catalog.Parse("scaled(unit, mode='ADD')").ToString());

    [Fact]
    public void A_single_number_binds_to_a_list_parameter_as_a_one_element_list()
        => Assert.Equal(
            "sequence(schedules=[unit(), unit()], milestones=[4])",
            TestCatalog.Catalog.Parse("sequence([unit, unit], 4)").ToString());
}
