// A command of the `ramp` tree: a group (`schedule`) holds commands, a leaf (`schedule eval`) runs.
// Each leaf declares its options and positionals, which drive both parsing and its help text.
namespace Ramp.Cli.Infrastructure;

/// <summary>A node of the command tree.</summary>
public abstract class CommandNode
{
    /// <summary>The word that selects it, e.g. <c>eval</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line on what it does.</summary>
    public abstract string Summary { get; }
}

/// <summary>A group of commands, such as <c>schedule</c> or the root <c>ramp</c>.</summary>
/// <param name="name">The word that selects the group.</param>
/// <param name="summary">One line on what its commands do.</param>
/// <param name="children">Its commands and subgroups, in help order.</param>
public sealed class CommandGroup(string name, string summary, IReadOnlyList<CommandNode> children) : CommandNode
{
    /// <inheritdoc/>
    public override string Name => name;

    /// <inheritdoc/>
    public override string Summary => summary;

    /// <summary>Its commands and subgroups.</summary>
    public IReadOnlyList<CommandNode> Children => children;

    /// <summary>The child named <paramref name="word"/>, or null.</summary>
    public CommandNode? Find(string word) => children.FirstOrDefault(child => child.Name == word);
}

/// <summary>A command that runs.</summary>
public abstract class Command : CommandNode
{
    /// <summary>Its options, in help order (<c>--help</c> is implied).</summary>
    public abstract IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Its positional arguments, in order.</summary>
    public virtual IReadOnlyList<PositionalSpec> Positionals => [];

    /// <summary>Paragraphs of the help after the options: conventions, defaults, examples.</summary>
    public virtual IReadOnlyList<string> Details => [];

    /// <summary>Runs the command; throws <see cref="UsageException"/> or <see cref="SpecException"/> on bad input.</summary>
    /// <param name="arguments">The parsed arguments.</param>
    /// <param name="context">Streams and catalog.</param>
    /// <returns>The exit code, 0 on success.</returns>
    public abstract int Execute(ParsedArguments arguments, CommandContext context);
}
