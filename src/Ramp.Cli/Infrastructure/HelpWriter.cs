// Help text for the root, a group or a command, built from the same declarations that parsing uses.
namespace Ramp.Cli.Infrastructure;

/// <summary>Writes <c>--help</c> output.</summary>
public static class HelpWriter
{
    private const string HelpLine = "show this help";

    /// <summary>Writes the help of <paramref name="node"/>, reached as <paramref name="path"/> (e.g. <c>ramp schedule</c>).</summary>
    public static void Write(TextWriter output, string path, CommandNode node, string? footer = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(node);
        output.WriteLine($"{path} - {node.Summary}");
        output.WriteLine();
        if (node is CommandGroup group)
        {
            output.WriteLine($"Usage: {path} COMMAND [ARGS...]");
            output.WriteLine();
            output.WriteLine("Commands:");
            var leaves = Leaves(group, string.Empty).ToList();
            var width = leaves.Max(leaf => leaf.Name.Length) + 2;
            foreach (var (name, summary) in leaves)
            {
                output.WriteLine($"  {name.PadRight(width)}{summary}");
            }

            output.WriteLine();
            output.WriteLine($"Run '{path} COMMAND --help' for the options of a command.");
        }
        else if (node is Command command)
        {
            WriteCommand(output, path, command);
        }

        if (footer is not null)
        {
            output.WriteLine();
            output.WriteLine(footer);
        }
    }

    /// <summary>The usage line of <paramref name="command"/>, e.g. <c>ramp schedule eval SPEC --steps N [--lr BASE]</c>.</summary>
    public static string Usage(string path, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parts = new List<string> { path };
        parts.AddRange(command.Positionals.Select(positional => positional.Synopsis));
        foreach (var option in command.Options)
        {
            var text = (option.Alias ?? option.Name) + (option.ValueName is null ? string.Empty : " " + option.ValueName);
            parts.Add(option.Required ? text : $"[{text}]");
        }

        return string.Join(" ", parts);
    }

    private static void WriteCommand(TextWriter output, string path, Command command)
    {
        output.WriteLine($"Usage: {Usage(path, command)}");
        var rows = command.Positionals.Select(positional => (positional.Name, positional.Summary)).ToList();
        var optionRows = command.Options.Select(option => (option.Synopsis, option.Summary)).Append(("-h, --help", HelpLine)).ToList();
        var width = rows.Concat(optionRows).Max(row => row.Item1.Length) + 2;
        if (rows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Arguments:");
            foreach (var (name, summary) in rows)
            {
                output.WriteLine($"  {name.PadRight(width)}{summary}");
            }
        }

        output.WriteLine();
        output.WriteLine("Options:");
        foreach (var (name, summary) in optionRows)
        {
            output.WriteLine($"  {name.PadRight(width)}{summary}");
        }

        foreach (var paragraph in command.Details)
        {
            output.WriteLine();
            output.WriteLine(paragraph);
        }
    }

    private static IEnumerable<(string Name, string Summary)> Leaves(CommandGroup group, string prefix)
    {
        foreach (var child in group.Children)
        {
            if (child is CommandGroup inner)
            {
                foreach (var leaf in Leaves(inner, prefix + inner.Name + " "))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (prefix + child.Name, child.Summary);
            }
        }
    }
}
