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
        ArgumentNullException.ThrowIfNull(qualifiedName);
        var (name, origin) = ScheduleNames.Split(qualifiedName);
        if (origin is null && name.Length != qualifiedName.Length)
        {
            // A misspelled qualifier must not silently fall back to the unqualified name.
            var prefix = qualifiedName[..qualifiedName.IndexOf('.', StringComparison.Ordinal)];
            var near = ScheduleNames.NearestQualifiers(prefix);
            var hint = near.Count > 0 ? $"did you mean {string.Join(", ", near)}? " : string.Empty;
            throw new SpecException(
                $"unknown qualifier '{prefix}' in '{qualifiedName}'; {hint}known qualifiers: {string.Join(", ", ScheduleNames.QualifierNames)}",
                position);
        }

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

    /// <summary>
    /// The name that selects <paramref name="entry"/> in spec text: the bare name where it resolves to this
    /// entry, otherwise the qualified one (e.g. <c>paddle.PolynomialDecay</c> when Keras has one too).
    /// </summary>
    public string NameOf(ScheduleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!byName.TryGetValue(ScheduleNames.Normalize(entry.Name), out var candidates) || !candidates.Contains(entry))
        {
            throw new ArgumentException($"'{entry.QualifiedName}' is not in this catalog", nameof(entry));
        }

        return candidates.Count == 1 || entry.Origin == ScheduleOrigin.Ramp ? entry.Name : entry.QualifiedName;
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
            throw new SpecException($"{entry.Name}: {Describe(error)}", call.Position);
        }

        var canonical = arguments.Canonical;
        return schedule.ToSpec().IsEquivalentTo(canonical) ? schedule : new NamedSchedule(canonical, schedule);
    }

    private ScheduleArguments Bind(ScheduleEntry entry, SpecCall call)
    {
        if (call.Positional.Count > entry.Parameters.Count)
        {
            var count = entry.Parameters.Count;
            throw new SpecException(
                $"{entry.Name} takes at most {count} positional argument{(count == 1 ? string.Empty : "s")} ({string.Join(", ", entry.Parameters.Select(p => p.Name))}), got {call.Positional.Count}",
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
                var hint = nearest.Count > 0 ? $"did you mean {string.Join(", ", nearest)}?"
                    : entry.Parameters.Count == 0 ? "it takes no parameters"
                    : "it takes " + string.Join(", ", entry.Parameters.Select(p => p.Name));
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

        return new ScheduleArguments(entry, NameOf(entry), values, schedules, [.. written.Keys]);
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
                        ?? throw BadChoice(entry, parameter, text, choices);
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
                for (var i = 0; i < items.Count; i++)
                {
                    CheckNumber(entry, parameter, items[i], value is SpecList ? $"[{i}]" : string.Empty);
                }

                return value is SpecList ? value : new SpecList(items) { Position = value.Position };
            case ParameterKind.NumberMap:
                if (value is not SpecMap map)
                {
                    throw Bad(entry, parameter, value);
                }

                foreach (var pair in map.Entries)
                {
                    if (pair.Key is not SpecNumber)
                    {
                        throw new SpecException(
                            $"{entry.Name}: {parameter.Name} has the key {pair.Key}, a {pair.Key.KindName}; allowed: {parameter.DescribeAllowed()}",
                            pair.Key.Position);
                    }

                    if (pair.Value is not SpecNumber number || !parameter.InRange(number.Value))
                    {
                        throw new SpecException(
                            $"{entry.Name}: {parameter.Name}[{pair.Key}]={pair.Value} is not allowed; allowed: {parameter.DescribeAllowed()}",
                            pair.Value.Position);
                    }
                }

                return value;
            case ParameterKind.Schedule:
                var schedule = value is SpecCall call ? Create(call) : throw Bad(entry, parameter, value);
                schedules[parameter.Name] = schedule;
                return schedule.ToSpec();
            case ParameterKind.NumberOrSchedule when value is SpecNumber:
                CheckNumber(entry, parameter, value);
                return value;
            case ParameterKind.NumberOrSchedule:
                var either = value is SpecCall numberOrCall ? Create(numberOrCall) : throw Bad(entry, parameter, value);
                schedules[parameter.Name] = either;
                return either.ToSpec();
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

    // Integers are whole numbers that a long and a double both hold exactly.
    private const double LargestInteger = 9007199254740992;

    private static void CheckNumber(ScheduleEntry entry, ParameterSpec parameter, SpecValue value, string index = "")
    {
        if (value is not SpecNumber number || !parameter.InRange(number.Value))
        {
            throw Bad(entry, parameter, value, index);
        }

        if (parameter.Kind is ParameterKind.Integer or ParameterKind.IntegerList
            && (number.Value != Math.Floor(number.Value) || double.IsInfinity(number.Value) || Math.Abs(number.Value) > LargestInteger))
        {
            throw new SpecException(
                $"{entry.Name}: {parameter.Name}{index}={value} is not allowed; allowed: {parameter.DescribeAllowed()}, whole and at most 2^53 in magnitude",
                value.Position);
        }
    }

    private static SpecException Bad(ScheduleEntry entry, ParameterSpec parameter, SpecValue value, string index = "")
        => new($"{entry.Name}: {parameter.Name}{index}={value} is not allowed; allowed: {parameter.DescribeAllowed()}", value.Position);

    private static SpecException BadChoice(ScheduleEntry entry, ParameterSpec parameter, SpecText value, IReadOnlyList<string> choices)
    {
        var nearest = ScheduleNames.Nearest(value.Value, choices);
        var hint = nearest.Count > 0 ? $"; did you mean '{nearest[0]}'?" : string.Empty;
        return new($"{entry.Name}: {parameter.Name}={value} is not allowed; allowed: {parameter.DescribeAllowed()}{hint}", value.Position);
    }

    // The schedule's own message without .NET's "(Parameter 'x')" suffix and "Actual value was" line.
    private static string Describe(ArgumentException error)
    {
        var message = FirstLine(error.Message);
        if (error.ParamName is { } name)
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        if (error is ArgumentOutOfRangeException { ActualValue: { } actual })
        {
            var shown = actual is double number ? SpecNumber.Format(number) : Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture);
            if (shown is not null && !message.Contains(shown, StringComparison.Ordinal))
            {
                message += $" (got {shown})";
            }
        }

        return message;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }
}
