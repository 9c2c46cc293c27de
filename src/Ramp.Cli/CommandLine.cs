// Top-level command dispatch for `ramp`; each command family lives in its own file.
namespace Ramp.Cli;

/// <summary>Parses the command line and runs a command; exit code 0 on success, 2 on bad input.</summary>
public static class CommandLine
{
    /// <summary>Runs the command named by <paramref name="args"/> and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("ramp: no commands yet");
        return 2;
    }
}
