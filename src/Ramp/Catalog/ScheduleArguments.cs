// The arguments of one call after binding: every parameter of the entry has a validated value
// (given or default), nested schedules are built, and the canonical call can be printed back.
namespace Ramp;

/// <summary>Validated arguments of a catalog entry, read by the entry's factory through typed getters.</summary>
public sealed class ScheduleArguments
{
    private readonly Dictionary<string, SpecValue> values;
    private readonly Dictionary<string, object> schedules;
    private readonly HashSet<string> given;

    internal ScheduleArguments(
        ScheduleEntry entry,
        string printedName,
        Dictionary<string, SpecValue> values,
        Dictionary<string, object> schedules,
        HashSet<string> given)
    {
        Entry = entry;
        PrintedName = printedName;
        this.values = values;
        this.schedules = schedules;
        this.given = given;
    }

    /// <summary>The entry these arguments were bound to.</summary>
    public ScheduleEntry Entry { get; }

    /// <summary>
    /// The name the canonical call prints: the entry's name, qualified with its origin (e.g. <c>torch.CyclicLR</c>)
    /// when entries of several origins share it, so that the printed spec resolves to the same entry.
    /// </summary>
    public string PrintedName { get; }

    /// <summary>The canonical call: every parameter by name, in declared order, defaults filled, None left out.</summary>
    public SpecCall Canonical => new(
        PrintedName,
        [],
        [.. Entry.Parameters
            .Where(parameter => values[parameter.Name] is not SpecNone)
            .Select(parameter => new SpecArgument(parameter.Name, values[parameter.Name]))]);

    /// <summary>Whether the caller gave <paramref name="name"/> explicitly (rather than taking its default).</summary>
    public bool IsGiven(string name) => given.Contains(Find(name).Name);

    /// <summary>Whether <paramref name="name"/> is None (given as None, or defaulting to None).</summary>
    public bool IsNone(string name) => Value(name) is SpecNone;

    /// <summary>The raw value of <paramref name="name"/>.</summary>
    public SpecValue Value(string name) => values[Find(name).Name];

    /// <summary>A number parameter.</summary>
    public double Number(string name) => Value(name) is SpecNumber number ? number.Value : throw NotGiven(name);

    /// <summary>A number parameter that may be None.</summary>
    public double? OptionalNumber(string name) => Value(name) is SpecNumber number ? number.Value : null;

    /// <summary>An integer parameter.</summary>
    public long Integer(string name) => (long)Number(name);

    /// <summary>An integer parameter that may be None.</summary>
    public long? OptionalInteger(string name) => OptionalNumber(name) is { } number ? (long)number : null;

    /// <summary>A boolean parameter.</summary>
    public bool Boolean(string name) => Value(name) is SpecBoolean boolean ? boolean.Value : throw NotGiven(name);

    /// <summary>A text parameter.</summary>
    public string Text(string name) => OptionalText(name) ?? throw NotGiven(name);

    /// <summary>A text parameter that may be None.</summary>
    public string? OptionalText(string name) => Value(name) is SpecText text ? text.Value : null;

    /// <summary>A list of numbers (also accepts a single number as a one-element list).</summary>
    public IReadOnlyList<double> Numbers(string name) => Value(name) switch
    {
        SpecList list => [.. list.Items.Select(item => ((SpecNumber)item).Value)],
        SpecNumber number => [number.Value],
        _ => throw NotGiven(name),
    };

    /// <summary>A list of integers.</summary>
    public IReadOnlyList<long> Integers(string name) => [.. Numbers(name).Select(value => (long)value)];

    /// <summary>A map of numbers to numbers, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<double, double>> Map(string name) => Value(name) is SpecMap map
        ? [.. map.Entries.Select(entry => new KeyValuePair<double, double>(((SpecNumber)entry.Key).Value, ((SpecNumber)entry.Value).Value))]
        : throw NotGiven(name);

    /// <summary>A nested schedule.</summary>
    public Schedule Schedule(string name) => schedules.TryGetValue(Find(name).Name, out var schedule) && schedule is Schedule single
        ? single
        : throw NotGiven(name);

    /// <summary>A nested schedule that may be None.</summary>
    public Schedule? OptionalSchedule(string name) => IsNone(name) ? null : Schedule(name);

    /// <summary>A list of nested schedules.</summary>
    public IReadOnlyList<Schedule> Schedules(string name) => schedules.TryGetValue(Find(name).Name, out var list) && list is IReadOnlyList<Schedule> many
        ? many
        : throw NotGiven(name);

    private ParameterSpec Find(string name)
        => Entry.FindParameter(name) ?? throw new ArgumentException($"{Entry.Name} has no parameter '{name}'", nameof(name));

    private SpecException NotGiven(string name)
        => new($"{Entry.Name}: parameter '{Find(name).Name}' has no value; allowed: {Find(name).DescribeAllowed()}");
}
