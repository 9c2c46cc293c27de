// `ramp schedule describe`: one line per figure, with the end of warmup defined as the first step where
// the rate reaches the maximum of its first rise from step 0.
namespace Ramp.Cli.Tests;

public class DescribeCommandTests
{
    [Fact]
    public void Describes_a_warmup_then_decay_one_figure_per_line()
    {
        var result = Cli.Run("schedule", "describe", "triangle(warmup_steps=4, total_steps=8)", "--steps", "10", "--lr", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "schedule: triangle(warmup_steps=4, total_steps=8)",
                "scale: relative (rates are 0.5 times the schedule's factor)",
                "steps: 10 (0 to 9)",
                "warmup end: step 4 (rate 0.5)",
                "peak: 0.5 at step 4",
                "final: 0 at step 9",
                "minimum: 0 at step 0",
                "mean: 0.2",
            ],
            result.OutputLines);
    }

    [Fact]
    public void A_schedule_that_does_not_rise_from_step_0_has_no_warmup()
    {
        var result = Cli.Run("schedule", "describe", "constant(0.5)", "--steps", "3");

        Assert.Contains("warmup end: none", result.OutputLines);
        Assert.Contains("peak: 0.5 at step 0", result.OutputLines);
        Assert.Contains("mean: 0.5", result.OutputLines);
    }

    [Fact]
    public void An_absolute_schedule_is_described_as_such()
    {
        var result = Cli.Run("schedule", "describe", "noam(d_model=512, warmup_steps=4000)", "--steps", "10000");

        Assert.Contains("scale: absolute (the schedule gives the rates; --lr does not apply)", result.OutputLines);
        Assert.Contains("warmup end: step 4000 (rate 0.0006987712429686843)", result.OutputLines);
    }

    [Fact]
    public void Reports_non_finite_rates()
    {
        var result = Cli.Run("schedule", "describe", "broken(from_step=3)", "--steps", "5");

        Assert.Contains("final: NaN at step 4", result.OutputLines);
        Assert.Contains("mean: 1", result.OutputLines);
        Assert.Contains("non-finite: 2 steps, the first at step 3", result.OutputLines);
    }

    [Theory]
    [InlineData(new[] { "constant", "--steps", "3", "--lr", "0.1,0.2" }, "--lr '0.1,0.2' has 2 base rates; this command takes one")]
    [InlineData(new[] { "constant" }, "missing --steps N (evaluate steps 0 to N-1 (N from 1 to 1000000000))")]
    [InlineData(new[] { "cnstant", "--steps", "3" }, "SPEC 'cnstant': at 0: unknown schedule 'cnstant'; did you mean constant?")]
    public void Rejects_bad_input_in_one_line(string[] args, string message)
        => Assert.Equal($"ramp schedule describe: {message}", Cli.Run(["schedule", "describe", .. args]).SingleErrorLine());
}
