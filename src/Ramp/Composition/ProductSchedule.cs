// The product of schedules evaluated at the same step (spec name `product`; also computes PyTorch's
// ChainedScheduler, whose chainable schedulers multiply their factors). The rate flows through the factors
// in order: r = base, then r = s_i.Rate(step, r) for each schedule, so a factor with an absolute floor
// (eta_min) applies its floor to the rate it receives. For plain factors this is base · Π s_i(step).
// With one absolute schedule the product is absolute: its rate starts the chain and the relative schedules
// scale it in order. Two absolute schedules are an error.
namespace Ramp;

/// <summary>The product of <see cref="Schedules"/> at the same step; absolute when one of them is.</summary>
/// <remarks>
/// Relative: r = base, then r = s_i.Rate(t, r) in order, which is base·Π s_i(t) for plain factors. With one
/// absolute schedule A: r = A(t), then the relative schedules in order. Two absolute schedules are an error.
/// </remarks>
public sealed class ProductSchedule : GroupedSchedule
{
    private readonly Schedule[] schedules;
    private readonly int absolute;

    /// <summary>Creates the product.</summary>
    /// <param name="schedules">The factors; at least one, at most one absolute.</param>
    public ProductSchedule(IReadOnlyList<Schedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        if (schedules.Count == 0)
        {
            throw new ArgumentException("schedules is empty; a product needs at least one schedule", nameof(schedules));
        }

        this.schedules = [.. schedules];
        Scale = ScaleRules.OfProduct(this.schedules, "schedules");
        absolute = Array.FindIndex(this.schedules, schedule => schedule.Scale == RateScale.Absolute);
    }

    /// <summary>The catalog entry <c>product(schedules)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "product",
        ScheduleOrigin.Ramp,
        "The product of schedules at the same step (at most one absolute).",
        [new("schedules", ParameterKind.ScheduleList, "the factors")],
        arguments => new ProductSchedule(arguments.Schedules("schedules")))
    {
        Example = "product(schedules=[warmup(steps=10), sequence(schedules=[constant(1), constant(0.1)], boundaries=[50])])",
    };

    /// <summary>The factors, in order.</summary>
    public IReadOnlyList<Schedule> Schedules => schedules;

    /// <inheritdoc/>
    public override RateScale Scale { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => schedules;

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
    {
        var rate = absolute >= 0 ? schedules[absolute].Rate(step, baseRate, group) : baseRate;
        for (var i = 0; i < schedules.Length; i++)
        {
            if (i != absolute)
            {
                rate = schedules[i].Rate(step, rate, group);
            }
        }

        return rate;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("product", ("schedules", Spec.Of(schedules)));
}
