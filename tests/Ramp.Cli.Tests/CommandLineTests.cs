// The command tree: help at every level, and bad input answered by exit code 2 and one line on stderr.
namespace Ramp.Cli.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Root_help_lists_every_command_and_exits_0(string flag)
    {
        var result = Cli.Run(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        foreach (var command in new[] { "schedule eval", "schedule plot", "schedule describe", "schedule list" })
        {
            Assert.Contains($"  {command} ", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes: 0 success", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schedule", "eval", "--help")]
    [InlineData("schedule", "eval", "constant", "-h")]
    [InlineData("help", "schedule", "eval")]
    public void Command_help_shows_usage_options_and_details(params string[] args)
    {
        var result = Cli.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ramp schedule eval - ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Usage: ramp schedule eval SPEC --steps N [--lr BASE[,BASE...]] [--metrics V0,V1,...] [--metric NAME]", result.Output, StringComparison.Ordinal);
        Assert.Contains("  --steps N ", result.Output, StringComparison.Ordinal);
        Assert.Contains("  -h, --help ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_help_lists_its_commands()
    {
        var result = Cli.Run("schedule", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage: ramp schedule COMMAND [ARGS...]", result.Output, StringComparison.Ordinal);
        Assert.Contains("  plot ", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "shedule" }, "ramp: unknown command 'shedule'; did you mean schedule? (see 'ramp --help')")]
    [InlineData(new[] { "schedule", "evl" }, "ramp schedule: unknown command 'evl'; did you mean eval? (see 'ramp schedule --help')")]
    [InlineData(new[] { "qqqq" }, "ramp: unknown command 'qqqq'; commands: schedule, data, train, eval, translate, demo, report (see 'ramp --help')")]
    [InlineData(new string[0], "ramp: missing command; commands: schedule, data, train, eval, translate, demo, report (see 'ramp --help')")]
    [InlineData(new[] { "schedule" }, "ramp schedule: missing command; commands: eval, plot, describe, list (see 'ramp schedule --help')")]
    [InlineData(new[] { "help", "schedule", "evl" }, "ramp: unknown command 'evl'; did you mean eval? (see 'ramp schedule --help')")]
    public void An_unknown_or_missing_command_suggests_the_nearest(string[] args, string message)
        => Assert.Equal(message, Cli.Run(args).SingleErrorLine());

    [Theory]
    [InlineData(new[] { "schedule", "eval", "constant", "--step", "3" }, "ramp schedule eval: unknown option '--step'; did you mean --steps?")]
    [InlineData(new[] { "schedule", "eval", "constant", "--steps", "3", "--steps", "4" }, "ramp schedule eval: --steps is given twice; give it once")]
    [InlineData(new[] { "schedule", "eval", "constant", "--steps" }, "ramp schedule eval: --steps needs a value: N (evaluate steps 0 to N-1 (N from 1 to 1000000000))")]
    [InlineData(new[] { "schedule", "eval", "--steps", "3" }, "ramp schedule eval: missing SPEC: a schedule, e.g. 'StepLR(step_size=30, gamma=0.1)', or its JSON form '{\"schedule\": ...}'; quote it for the shell")]
    [InlineData(new[] { "schedule", "eval", "constant" }, "ramp schedule eval: missing --steps N (evaluate steps 0 to N-1 (N from 1 to 1000000000))")]
    [InlineData(new[] { "schedule", "eval", "StepLR(step_size=30,", "gamma=0.1)", "--steps", "3" }, "ramp schedule eval: unexpected argument 'gamma=0.1)'; this command takes only SPEC; quote a spec that contains spaces or parentheses")]
    [InlineData(new[] { "schedule", "plot", "constant", "--steps", "3", "-o", "x.svg", "--log-y=yes" }, "ramp schedule plot: --log-y is a flag and takes no value; got '--log-y=yes'")]
    public void Bad_options_and_arguments_are_one_line_errors(string[] args, string message)
        => Assert.Equal(message, Cli.Run(args).SingleErrorLine());

    [Fact]
    public void Options_take_the_equals_form_and_may_come_before_the_spec()
    {
        var result = Cli.Run("schedule", "eval", "--steps=2", "--lr", "0.5", "constant");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["step,lr", "0,0.5", "1,0.5"], result.OutputLines);
    }

    [Fact]
    public void Version_prints_one_line()
    {
        var result = Cli.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ramp ", Assert.Single(result.OutputLines), StringComparison.Ordinal);
    }
}
