// Top-level dispatch for `ramp`: walks the command tree, prints help, runs the command and turns bad
// input into one line on stderr. Exit codes: 0 success, 1 a file could not be read or written, 2 bad input.
// A new command is a class in its own file and one line in Root (or in its group's list).
using System.Text;
using Ramp.Cli.Data;
using Ramp.Cli.Infrastructure;
using Ramp.Cli.Reports;
using Ramp.Cli.Schedules;
using Ramp.Cli.Training;

namespace Ramp.Cli;

/// <summary>Parses the command line and runs a command.</summary>
public static class CommandLine
{
    /// <summary>Exit code of a run that succeeded.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a file could not be read or written.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input: an unknown command or option, a bad value, a bad spec.</summary>
    public const int BadInput = 2;

    private const string Footer = "Exit codes: 0 success, 1 a file could not be read or written, 2 bad input (one line on stderr).";

    /// <summary>The command tree.</summary>
    public static CommandGroup Root { get; } = new(
        "ramp",
        "learning-rate schedules, warmup and Transformer training on the CPU",
        [ScheduleCommands.Group, DataCommands.Group, .. TrainingCommands.All, new ReportCommand()]);

    /// <summary>Runs the command named by <paramref name="args"/> on the console and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        // Buffered: eval writes a line per step, and the console's own writer flushes every write.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        try
        {
            return Run(args, CommandContext.FromConsole(output));
        }
        finally
        {
            try
            {
                output.Flush();
            }
            catch (IOException)
            {
                // The reader went away (e.g. `| head`): what it did not read is not needed.
            }
        }
    }

    /// <summary>Runs the command named by <paramref name="args"/> in <paramref name="context"/> and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var path = Root.Name;
        try
        {
            CommandNode node = Root;
            var index = 0;
            while (node is CommandGroup group)
            {
                if (index == args.Count)
                {
                    throw new UsageException($"missing command; commands: {string.Join(", ", group.Children.Select(child => child.Name))} (see '{path} --help')");
                }

                var word = args[index];
                if (word is "-h" or "--help")
                {
                    HelpWriter.Write(context.Output, path, group, Footer);
                    return Success;
                }

                if (word == "help" && group == Root)
                {
                    return Help(args.Skip(index + 1).ToList(), context);
                }

                if (word == "--version" && group == Root)
                {
                    context.Output.WriteLine($"ramp {typeof(CommandLine).Assembly.GetName().Version}");
                    return Success;
                }

                node = group.Find(word) ?? throw UnknownCommand(group, path, word);
                path += " " + word;
                index++;
            }

            var command = (Command)node;
            var rest = args.Skip(index).ToList();
            var end = rest.IndexOf("--");
            if (rest.Take(end < 0 ? rest.Count : end).Any(argument => argument is "-h" or "--help"))
            {
                HelpWriter.Write(context.Output, path, command, Footer);
                return Success;
            }

            return command.Execute(ParsedArguments.Parse(command, rest), context);
        }
        catch (ArgumentException error) when (error is UsageException or SpecException)
        {
            context.Error.WriteLine($"{path}: {OneLine(error.Message)}");
            return BadInput;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{path}: {OneLine(error.Message)}");
            return Failure;
        }
    }

    private static int Help(List<string> words, CommandContext context)
    {
        CommandNode node = Root;
        var path = Root.Name;
        foreach (var word in words)
        {
            node = (node as CommandGroup)?.Find(word) ?? throw UnknownCommand(node as CommandGroup ?? Root, path, word);
            path += " " + word;
        }

        HelpWriter.Write(context.Output, path, node, Footer);
        return Success;
    }

    private static UsageException UnknownCommand(CommandGroup group, string path, string word)
    {
        var names = group.Children.Select(child => child.Name).ToList();
        var nearest = ScheduleNames.Nearest(word, names, 2);
        var hint = nearest.Count > 0 ? $"did you mean {string.Join(" or ", nearest)}?" : $"commands: {string.Join(", ", names)}";
        return new UsageException($"unknown command '{word}'; {hint} (see '{path} --help')");
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
