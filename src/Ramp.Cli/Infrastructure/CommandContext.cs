// What a command runs against: its output streams, the schedule catalog and what the terminal can show.
// The console gives the real ones; tests pass string writers and a test catalog.
namespace Ramp.Cli.Infrastructure;

/// <summary>The environment a command runs in.</summary>
/// <param name="Output">Where results go (stdout).</param>
/// <param name="Error">Where the one-line error and notes go (stderr).</param>
/// <param name="Catalog">The schedules that specs may name.</param>
public sealed record CommandContext(TextWriter Output, TextWriter Error, ScheduleCatalog Catalog)
{
    /// <summary>Whether <see cref="Output"/> is an interactive terminal (previews and colors are shown there by default).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The width of the terminal in columns, or 80 when it is unknown or output is redirected.</summary>
    public int TerminalWidth { get; init; } = 80;

    /// <summary>Whether to color terminal output (a terminal, and NO_COLOR not set).</summary>
    public bool UseColor { get; init; }

    /// <summary>The context of the running process: the console's error stream, the built-in catalog and <paramref name="output"/>.</summary>
    /// <param name="output">The writer over standard output (buffered by the caller).</param>
    public static CommandContext FromConsole(TextWriter output)
    {
        var terminal = !Console.IsOutputRedirected;
        var width = 80;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                width = 80;
            }
        }

        var color = terminal
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        return new CommandContext(output, Console.Error, ScheduleCatalog.Default)
        {
            OutputIsTerminal = terminal,
            TerminalWidth = width,
            UseColor = color,
        };
    }
}
