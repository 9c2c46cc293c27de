// Runs `ramp` in-process with captured stdout and stderr, against the built-in catalog or a test one.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // Bad input: exit code 2 and exactly one line on stderr, with no stack trace and nothing on stdout.
    public string SingleErrorLine()
    {
        Assert.Equal(CommandLine.BadInput, ExitCode);
        Assert.Equal(string.Empty, Output);
        Assert.EndsWith("\n", Error, StringComparison.Ordinal);
        var line = Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        return line;
    }
}

internal static class Cli
{
    public static CliResult Run(params string[] args) => Run(TestSchedules.Catalog, terminal: false, args);

    public static CliResult Run(ScheduleCatalog catalog, bool terminal, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(output, error, catalog) { OutputIsTerminal = terminal, TerminalWidth = 72 };
        var exitCode = CommandLine.Run(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
