// The registry of every schedule the spec language knows: resolves names (ignoring case and underscores,
// with dotted qualifiers to pick an origin), binds and validates arguments, and builds schedules.
namespace Ramp;

/// <summary>Resolves spec calls to catalog entries and builds schedules from them.</summary>
public sealed class ScheduleCatalog
{
    private readonly Dictionary<string, List<ScheduleEntry>> byName = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog of <paramref name="entries"/>; two entries may share a name only across origins.</summary>
    public ScheduleCatalog(IEnumerable<ScheduleEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            var key = ScheduleNames.Normalize(entry.Name);
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = [];
            }

            if (list.Exists(other => other.Origin == entry.Origin))
            {
                throw new ArgumentException($"two catalog entries named '{entry.Name}' from {entry.Origin}", nameof(entries));
            }

            list.Add(entry);
        }
    }

    /// <summary>The catalog of all of Ramp's built-in schedules.</summary>
    public static ScheduleCatalog Default { get; } = new(BuiltInEntries.All);

    /// <summary>Every entry, in registration order.</summary>
    public IReadOnlyList<ScheduleEntry> Entries { get; }

    /// <summary>Parses and builds the schedule described by <paramref name="spec"/>.</summary>
    public Schedule Parse(string spec) => Create(SpecParser.Parse(spec));

    /// <summary>The entry that <paramref name="qualifiedName"/> names.</summary>
    /// <param name="qualifiedName">A name, optionally with a dotted origin qualifier.</param>
    /// <param name="position">Where the name stands in the spec text, for the error message.</param>
    public ScheduleEntry Resolve(string qualifiedName, int position = -1)
    {
        var (name, origin) = ScheduleNames.Split(qualifiedName);
        if (byName.TryGetValue(ScheduleNames.Normalize(name), out var candidates))
        {
            if (origin is { } wanted)
            {
                return candidates.Find(entry => entry.Origin == wanted)
                    ?? throw new SpecException(
                        $"'{qualifiedName}': {ScheduleNames.Qualifier(wanted)} has no schedule '{name}'; known as " + string.Join(", ", candidates.Select(entry => entry.QualifiedName)),
                        position);
            }

            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            return candidates.Find(entry => entry.Origin == ScheduleOrigin.Ramp)
                ?? throw new SpecException(
                    $"'{name}' is ambiguous; qualify it as one of " + string.Join(", ", candidates.Select(entry => entry.QualifiedName)),
                    position);
        }

        var nearest = ScheduleNames.Nearest(name, Entries.Select(entry => entry.Name).Distinct());
        var suggestion = nearest.Count > 0 ? "; did you mean " + string.Join(", ", nearest) + "?" : "; `ramp schedule list` shows them all";
        throw new SpecException($"unknown schedule '{qualifiedName}'{suggestion}", position);
    }

    /// <summary>Binds <paramref name="call"/> to its entry, validates every argument and builds the schedule.</summary>
    public Schedule Create(SpecCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var entry = Resolve(call.Name, call.Position);
        var arguments = Bind(entry, call);
        Schedule schedule;
        try
        {
            schedule = entry.Create(arguments);
        }
        catch (ArgumentException error) when (error is not SpecException)
        {
            throw new SpecException($"{entry.Name}: {FirstLine(error.Message)}", call.Position);
        }

        var canonical = arguments.Canonical;
        return schedule.ToSpec().IsEquivalentTo(canonical) ? schedule : new NamedSchedule(canonical, schedule);
    }

    private ScheduleArguments Bind(ScheduleEntry entry, SpecCall call)
    {
        if (call.Positional.Count > entry.Parameters.Count)
        {
            throw new SpecException(
                $"{entry.Name} takes at most {entry.Parameters.Count} positional arguments, got {call.Positional.Count}",
                call.Positional[entry.Parameters.Count].Position);
        }

        var written = new Dictionary<string, SpecValue>(StringComparer.Ordinal);
        for (var i = 0; i < call.Positional.Count; i++)
        {
            written[entry.Parameters[i].Name] = call.Positional[i];
        }

        foreach (var argument in call.Named)
        {
            var parameter = entry.FindParameter(argument.Name);
            if (parameter is null)
            {
                var nearest = ScheduleNames.Nearest(argument.Name, entry.Parameters.Select(p => p.Name));
                var hint = nearest.Count > 0 ? $"did you mean {string.Join(", ", nearest)}?" : "it takes " + string.Join(", ", entry.Parameters.Select(p => p.Name));
                throw new SpecException($"{entry.Name} has no parameter '{argument.Name}'; {hint}", argument.Position);
            }

            if (!written.TryAdd(parameter.Name, argument.Value))
            {
                throw new SpecException($"{entry.Name}: parameter '{parameter.Name}' is given twice", argument.Position);
            }
        }

        var values = new Dictionary<string, SpecValue>(StringComparer.Ordinal);
        var schedules = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in entry.Parameters)
        {
            if (!written.TryGetValue(parameter.Name, out var value))
            {
                value = parameter.Default
                    ?? throw new SpecException($"{entry.Name}: missing required parameter '{parameter.Name}' ({parameter.DescribeAllowed()})", call.Position);
            }

            values[parameter.Name] = Check(entry, parameter, value, schedules);
        }

        var shared = byName[ScheduleNames.Normalize(entry.Name)].Count > 1;
        return new ScheduleArguments(entry, shared ? entry.QualifiedName : entry.Name, values, schedules, [.. written.Keys]);
    }

    // Validates one value against its parameter and returns it in canonical form (numbers stay numbers,
    // nested calls become the canonical calls of the schedules built from them).
    private SpecValue Check(ScheduleEntry entry, ParameterSpec parameter, SpecValue value, Dictionary<string, object> schedules)
    {
        if (value is SpecNone)
        {
            return parameter.Default is SpecNone ? value : throw Bad(entry, parameter, value);
        }

        switch (parameter.Kind)
        {
            case ParameterKind.Number or ParameterKind.Integer:
                CheckNumber(entry, parameter, value);
                return value;
            case ParameterKind.Boolean:
                return value is SpecBoolean ? value : throw Bad(entry, parameter, value);
            case ParameterKind.Text:
                if (value is not SpecText text)
                {
                    throw Bad(entry, parameter, value);
                }

                if (parameter.Choices is { } choices)
                {
                    var match = choices.FirstOrDefault(choice => ScheduleNames.Normalize(choice) == ScheduleNames.Normalize(text.Value))
                        ?? throw Bad(entry, parameter, value);
                    return new SpecText(match) { Position = text.Position };
                }

                return value;
            case ParameterKind.NumberList or ParameterKind.IntegerList:
                var items = value switch
                {
                    SpecList list => list.Items,
                    SpecNumber => [value],
                    _ => throw Bad(entry, parameter, value),
                };
                foreach (var item in items)
                {
                    CheckNumber(entry, parameter, item);
                }

                return value is SpecList ? value : new SpecList(items) { Position = value.Position };
            case ParameterKind.NumberMap:
                if (value is not SpecMap map)
                {
                    throw Bad(entry, parameter, value);
                }

                foreach (var pair in map.Entries)
                {
                    if (pair.Key is not SpecNumber || pair.Value is not SpecNumber number || !parameter.InRange(number.Value))
                    {
                        throw Bad(entry, parameter, value);
                    }
                }

                return value;
            case ParameterKind.Schedule:
                var schedule = value is SpecCall call ? Create(call) : throw Bad(entry, parameter, value);
                schedules[parameter.Name] = schedule;
                return schedule.ToSpec();
            case ParameterKind.ScheduleList:
                var calls = value is SpecList many && many.Items.All(item => item is SpecCall)
                    ? many.Items.Cast<SpecCall>()
                    : throw Bad(entry, parameter, value);
                var built = calls.Select(Create).ToList();
                schedules[parameter.Name] = built;
                return new SpecList([.. built.Select(child => (SpecValue)child.ToSpec())]);
            default:
                throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Kind, "unknown parameter kind");
        }
    }

    private static void CheckNumber(ScheduleEntry entry, ParameterSpec parameter, SpecValue value)
    {
        if (value is not SpecNumber number
            || !parameter.InRange(number.Value)
            || (parameter.Kind is ParameterKind.Integer or ParameterKind.IntegerList
                && (number.Value != Math.Floor(number.Value) || double.IsInfinity(number.Value) || Math.Abs(number.Value) > 9e15)))
        {
            throw Bad(entry, parameter, value);
        }
    }

    private static SpecException Bad(ScheduleEntry entry, ParameterSpec parameter, SpecValue value)
        => new($"{entry.Name}: {parameter.Name}={value} is not allowed; allowed: {parameter.DescribeAllowed()}", value.Position);

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }
}
