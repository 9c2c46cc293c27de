// `ramp schedule list`: the catalog, one schedule per line, from the registry the parser uses: the name
// to write (qualified where the bare name selects another entry), origin, parameters with types and
// defaults, and the summary.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>Lists the catalog.</summary>
public sealed class ListCommand : Command
{
    private static readonly OptionSpec Origin = new("--origin", "NAME", "only schedules from this library: " + string.Join(", ", ScheduleNames.QualifierNames));
    private static readonly PositionalSpec Filter = new("FILTER", "only schedules whose name (ignoring case and underscores) or summary contains it", Required: false);

    /// <inheritdoc/>
    public override string Name => "list";

    /// <inheritdoc/>
    public override string Summary => "list the schedules the spec language knows, with their parameters";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Origin];

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [Filter];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Each line: NAME ORIGIN (PARAMETER: TYPE = DEFAULT, ...) SUMMARY. A parameter without '=' is required; '= None'\n"
        + "means optional without a value. Names match ignoring case and underscores.",
        "Examples:\n  ramp schedule list\n  ramp schedule list --origin torch\n  ramp schedule list cosine",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Catalog;
        IEnumerable<ScheduleEntry> entries = catalog.Entries;
        if (arguments.Text(Origin.Name) is { } originText)
        {
            if (!ScheduleNames.TryParseQualifier(originText, out var origin))
            {
                var nearest = ScheduleNames.NearestQualifiers(originText);
                var hint = nearest.Count > 0 ? $"did you mean {nearest[0]}? " : string.Empty;
                throw new UsageException($"--origin '{originText}' is not a library; {hint}allowed: {string.Join(", ", ScheduleNames.QualifierNames)}");
            }

            entries = entries.Where(entry => entry.Origin == origin);
        }

        if (arguments.Positionals.Count > 0)
        {
            var filter = arguments.Positionals[0];
            var key = ScheduleNames.Normalize(filter);
            var matching = entries
                .Where(entry => ScheduleNames.Normalize(entry.Name).Contains(key, StringComparison.Ordinal)
                    || entry.Summary.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matching.Count == 0)
            {
                var nearest = ScheduleNames.Nearest(filter, entries.Select(entry => entry.Name).Distinct());
                var hint = nearest.Count > 0 ? $"; did you mean {string.Join(", ", nearest)}?" : string.Empty;
                throw new UsageException($"no schedule matches '{filter}'{hint}");
            }

            entries = matching;
        }

        var rows = entries.Select(entry => (Name: catalog.NameOf(entry), Origin: ScheduleNames.Qualifier(entry.Origin), entry)).ToList();
        if (rows.Count == 0)
        {
            context.Error.WriteLine($"note: the catalog has no schedule from {arguments.Text(Origin.Name)}");
            return CommandLine.Success;
        }

        var nameWidth = rows.Max(row => row.Name.Length);
        var originWidth = rows.Max(row => row.Origin.Length);
        foreach (var (name, origin, entry) in rows)
        {
            var parameters = string.Join(", ", entry.Parameters.Select(Describe));
            context.Output.WriteLine($"{name.PadRight(nameWidth)}  {origin.PadRight(originWidth)}  ({parameters})  {entry.Summary}");
        }

        return CommandLine.Success;
    }

    private static string Describe(ParameterSpec parameter)
    {
        var type = parameter.Choices is { } choices
            ? string.Join("|", choices.Select(choice => $"'{choice}'"))
            : parameter.Kind switch
            {
                ParameterKind.Number => "number",
                ParameterKind.Integer => "integer",
                ParameterKind.Boolean => "boolean",
                ParameterKind.Text => "string",
                ParameterKind.NumberList => "[number]",
                ParameterKind.IntegerList => "[integer]",
                ParameterKind.NumberMap => "{number: number}",
                ParameterKind.Schedule => "schedule",
                ParameterKind.ScheduleList => "[schedule]",
                _ => parameter.Kind.ToString(),
            };
        return parameter.Default is { } value ? $"{parameter.Name}: {type} = {value}" : $"{parameter.Name}: {type}";
    }
}
