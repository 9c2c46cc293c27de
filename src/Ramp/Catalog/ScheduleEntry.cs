// One catalog entry: how a schedule is named, what it takes, and how it is built from bound arguments.
namespace Ramp;

/// <summary>A schedule known to the spec language.</summary>
/// <param name="Name">The name as its origin spells it, e.g. <c>StepLR</c> or <c>get_cosine_schedule_with_warmup</c>.</param>
/// <param name="Origin">The library whose semantics it reproduces.</param>
/// <param name="Summary">One line on what it does.</param>
/// <param name="Parameters">Its parameters in positional order.</param>
/// <param name="Create">Builds the schedule from bound, validated arguments; may throw <see cref="ArgumentException"/>.</param>
public sealed record ScheduleEntry(
    string Name,
    ScheduleOrigin Origin,
    string Summary,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<ScheduleArguments, Schedule> Create)
{
    /// <summary>A valid spec showing typical use; the docs, round-trip tests and benchmarks run it.</summary>
    public required string Example { get; init; }

    /// <summary>Whether the schedule gives factors or rates, when that does not depend on its arguments.</summary>
    public RateScale? Scale { get; init; }

    /// <summary>The name as written with its origin, e.g. <c>torch.StepLR</c>, or the bare name for Ramp's own.</summary>
    public string QualifiedName => Origin == ScheduleOrigin.Ramp ? Name : $"{ScheduleNames.Qualifier(Origin)}.{Name}";

    /// <summary>The parameter named <paramref name="name"/> or one of its aliases (matched ignoring case and underscores), or null.</summary>
    public ParameterSpec? FindParameter(string name)
    {
        var key = ScheduleNames.Normalize(name);
        foreach (var parameter in Parameters)
        {
            if (ScheduleNames.Normalize(parameter.Name) == key || parameter.Aliases.Any(alias => ScheduleNames.Normalize(alias) == key))
            {
                return parameter;
            }
        }

        return null;
    }
}
