// `ramp schedule eval`: CSV of the rate per step in round-trip precision, per-group columns, metrics
// reported after their step, and one-line errors for bad specs and numbers.
using System.Globalization;

namespace Ramp.Cli.Tests;

public class EvalCommandTests
{
    [Fact]
    public void Prints_a_header_and_one_row_per_step_in_round_trip_precision()
    {
        var result = Cli.Run("schedule", "eval", "triangle(warmup_steps=3, total_steps=10)", "--steps", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(["step,lr", "0,0", "1,0.3333333333333333", "2,0.6666666666666666", "3,1", "4,0.8571428571428571"], result.OutputLines);
    }

    [Fact]
    public void Values_parse_back_to_the_exact_doubles_the_schedule_gives()
    {
        var schedule = TestSchedules.Catalog.Parse("noam(d_model=512, warmup_steps=40)");

        var rows = Cli.Run("schedule", "eval", "noam(d_model=512, warmup_steps=40)", "--steps", "100").OutputLines.Skip(1).ToArray();

        Assert.Equal(100, rows.Length);
        for (var step = 0; step < rows.Length; step++)
        {
            var cells = rows[step].Split(',');
            Assert.Equal(step.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(schedule.Rate(step), double.Parse(cells[1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Several_base_rates_give_one_column_per_group()
    {
        var result = Cli.Run("schedule", "eval", "triangle(2, 4)", "--steps", "3", "--lr", "0.1,0.01");

        Assert.Equal(["step,lr0,lr1", "0,0,0", "1,0.05,0.005", "2,0.1,0.01"], result.OutputLines);
    }

    [Fact]
    public void An_absolute_schedule_ignores_the_base_rate_and_says_so()
    {
        var result = Cli.Run("schedule", "eval", "noam(d_model=4, warmup_steps=1)", "--steps", "2", "--lr", "0.1");

        Assert.Equal(["step,lr", "0,0", "1,0.5"], result.OutputLines);
        Assert.Equal("note: SPEC noam(d_model=4, warmup_steps=1) gives absolute rates; --lr does not scale it\n", result.Error);
    }

    [Fact]
    public void Accepts_the_json_form_of_a_spec()
    {
        var result = Cli.Run("schedule", "eval", """{"schedule": "constant", "arguments": {"value": 0.25}}""", "--steps", "1");

        Assert.Equal(["step,lr", "0,0.25"], result.OutputLines);
    }

    [Fact]
    public void A_metric_value_reaches_the_rate_of_the_next_step()
    {
        // Value k is observed after step k: the rate at step k is the value of step k-1 (1 before any).
        var result = Cli.Run("schedule", "eval", "last_metric", "--steps", "4", "--metrics", "0.5,0.25,0.125");

        Assert.Equal(["step,lr", "0,1", "1,0.5", "2,0.25", "3,0.125"], result.OutputLines);
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("val_loss")]
    public void Without_metric_the_values_are_reported_as_loss_and_val_loss(string watched)
    {
        var result = Cli.Run("schedule", "eval", $"last_metric(metric='{watched}')", "--steps", "2", "--metrics", "0.5");

        Assert.Equal(["step,lr", "0,1", "1,0.5"], result.OutputLines);
    }

    [Fact]
    public void Metric_names_the_metric_the_values_are_reported_under()
    {
        var watched = Cli.Run("schedule", "eval", "last_metric(metric='grad_norm')", "--steps", "2", "--metrics", "3", "--metric", "grad_norm");
        var other = Cli.Run("schedule", "eval", "last_metric(metric='loss')", "--steps", "2", "--metrics", "3", "--metric", "grad_norm");

        Assert.Equal(["step,lr", "0,1", "1,3"], watched.OutputLines);
        Assert.Equal(["step,lr", "0,1", "1,1"], other.OutputLines);
    }

    [Fact]
    public void Each_group_observes_the_metrics_with_its_own_instance()
    {
        // A shared instance would see every value twice and fail the schedule's step-order check.
        var result = Cli.Run("schedule", "eval", "last_metric", "--steps", "3", "--lr", "1,10", "--metrics", "0.5,0.25");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["step,lr0,lr1", "0,1,10", "1,0.5,5", "2,0.25,2.5"], result.OutputLines);
    }

    [Fact]
    public void Metrics_for_a_schedule_without_feedback_change_nothing_and_say_so()
    {
        var result = Cli.Run("schedule", "eval", "constant", "--steps", "2", "--metrics", "5,6");

        Assert.Equal(["step,lr", "0,1", "1,1"], result.OutputLines);
        Assert.Equal("note: SPEC constant(value=1) does not react to metrics; --metrics changes nothing\n", result.Error);
    }

    [Theory]
    [InlineData(new[] { "--steps", "-1" }, "--steps -1 is out of range; allowed: a whole number from 1 to 1000000000")]
    [InlineData(new[] { "--steps", "0" }, "--steps 0 is out of range; allowed: a whole number from 1 to 1000000000")]
    [InlineData(new[] { "--steps", "abc" }, "--steps 'abc' is not a number; allowed: a whole number from 1 to 1000000000")]
    [InlineData(new[] { "--steps", "2.5" }, "--steps 2.5 is not a whole number; allowed: a whole number from 1 to 1000000000")]
    [InlineData(new[] { "--steps", "1e10" }, "--steps 1e10 is out of range; allowed: a whole number from 1 to 1000000000")]
    [InlineData(new[] { "--steps", "3", "--lr", "0.1,x" }, "--lr '0.1,x': item 2 'x' is not a finite number; allowed: comma-separated numbers > 0, e.g. 0.1,0.01")]
    [InlineData(new[] { "--steps", "3", "--lr", "-0.1" }, "--lr -0.1 is out of range; allowed: comma-separated numbers > 0")]
    [InlineData(new[] { "--steps", "3", "--lr", "NaN" }, "--lr 'NaN' is not a finite number; allowed: comma-separated numbers > 0, e.g. 0.1,0.01")]
    [InlineData(new[] { "--steps", "3", "--lr", "0.1,,0.2" }, "--lr '0.1,,0.2': item 2 '' is not a finite number; allowed: comma-separated numbers > 0, e.g. 0.1,0.01")]
    [InlineData(new[] { "--steps", "2", "--metrics", "1,2,3" }, "--metrics has 3 values but --steps is 2; allowed: at most one value per step")]
    [InlineData(new[] { "--steps", "2", "--metric", "loss" }, "--metric needs --metrics V0,V1,... to report")]
    public void Rejects_bad_numbers_naming_the_option_the_value_and_what_is_allowed(string[] options, string message)
    {
        var result = Cli.Run(["schedule", "eval", "constant", .. options]);

        Assert.Equal($"ramp schedule eval: {message}", result.SingleErrorLine());
    }

    [Theory]
    [InlineData("constan(1)", "SPEC 'constan(1)': at 0: unknown schedule 'constan'; did you mean constant?")]
    [InlineData("constant(value=-1)", "SPEC 'constant(value=-1)': at 15: constant: value=-1 is not allowed; allowed: a number >= 0")]
    [InlineData("triangle(warmup_steps=3", "SPEC 'triangle(warmup_steps=3': at 23: unexpected end of the spec; expected ',' or ')' to close the call to triangle opened at 0")]
    [InlineData("triangle(warmup_step=3, total_steps=5)", "SPEC 'triangle(warmup_step=3, total_steps=5)': at 9: triangle has no parameter 'warmup_step'; did you mean warmup_steps?")]
    [InlineData("{\"schedule\": \"constant\", \"arguments\": {\"value\": \"x\"}}", "SPEC '{\"schedule\": \"constant\", \"arguments\": {\"value\": \"x\"}}': constant: value='x' is not allowed; allowed: a number >= 0")]
    [InlineData("{\"schedule\": 1}", "SPEC '{\"schedule\": 1}': at $.schedule: expected the schedule's name as a string, found the number 1")]
    [InlineData("triangle", "SPEC 'triangle': at 0: triangle: missing required parameter 'warmup_steps' (an integer >= 1)")]
    public void Rejects_a_bad_spec_in_one_line_naming_the_position(string spec, string message)
    {
        var result = Cli.Run("schedule", "eval", spec, "--steps", "3");

        Assert.Equal($"ramp schedule eval: {message}", result.SingleErrorLine());
    }

    [Fact]
    public void A_step_the_schedule_refuses_is_a_one_line_error_naming_the_step()
    {
        var result = Cli.Run("schedule", "eval", "bounded(total_steps=2)", "--steps", "5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ramp schedule eval: SPEC bounded(total_steps=2): at step 3: step 3 is past total_steps=2\n", result.Error);
    }
}
