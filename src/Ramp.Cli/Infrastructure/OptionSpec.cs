// The declaration of one option or positional argument of a command, used by parsing and by help.
namespace Ramp.Cli.Infrastructure;

/// <summary>An option such as <c>--steps N</c> or the flag <c>--log-y</c>.</summary>
/// <param name="Name">The long name with its dashes, e.g. <c>--steps</c>.</param>
/// <param name="ValueName">The placeholder of its value, e.g. <c>N</c>; null for a flag.</param>
/// <param name="Summary">One line for the help.</param>
public sealed record OptionSpec(string Name, string? ValueName, string Summary)
{
    /// <summary>A one-letter alias with its dash, e.g. <c>-o</c>, or null.</summary>
    public string? Alias { get; init; }

    /// <summary>Whether the command cannot run without it.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the option is a flag, which takes no value.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>How the option is written in a usage line, e.g. <c>--steps N</c> or <c>-o, --output FILE</c>.</summary>
    public string Synopsis => (Alias is null ? Name : $"{Alias}, {Name}") + (ValueName is null ? string.Empty : " " + ValueName);
}

/// <summary>A positional argument such as <c>SPEC</c>.</summary>
/// <param name="Name">The placeholder, e.g. <c>SPEC</c>.</param>
/// <param name="Summary">One line for the help.</param>
/// <param name="Required">Whether at least one must be given.</param>
/// <param name="Many">Whether more than one may be given.</param>
public sealed record PositionalSpec(string Name, string Summary, bool Required = true, bool Many = false)
{
    /// <summary>How the argument is written in a usage line, e.g. <c>SPEC</c>, <c>[FILTER]</c> or <c>[SPEC...]</c>.</summary>
    public string Synopsis => (Required, Many) switch
    {
        (true, false) => Name,
        (true, true) => $"{Name} [{Name}...]",
        (false, false) => $"[{Name}]",
        (false, true) => $"[{Name}...]",
    };
}
