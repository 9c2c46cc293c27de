// Keeps the definition a schedule was created from (e.g. a peer's name and arguments) when the object
// that computes it is another one (e.g. a native shape), so that definitions round-trip unchanged.
namespace Ramp;

/// <summary>A schedule that computes as <see cref="Inner"/> and is defined as <see cref="Definition"/>.</summary>
public sealed class NamedSchedule : Schedule
{
    /// <summary>Wraps <paramref name="inner"/> under <paramref name="definition"/>.</summary>
    public NamedSchedule(SpecCall definition, Schedule inner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(inner);
        Definition = definition;
        Inner = inner;
        children = [inner];
    }

    private readonly Schedule[] children;

    /// <summary>The definition this schedule reports.</summary>
    public SpecCall Definition { get; }

    /// <summary>The schedule that computes the values.</summary>
    public Schedule Inner { get; }

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override double Rate(long step) => Inner.Rate(step);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate) => Inner.Rate(step, baseRate);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group) => Inner.Rate(step, baseRate, group);

    /// <inheritdoc/>
    public override SpecCall ToSpec() => Definition;
}
