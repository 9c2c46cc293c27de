// timm.scheduler.TanhLRScheduler: 1 - tanh decay between lb and ub per cycle, with restarts, warmup and noise.
// Relative to each group's rate, lr_min absolute; cycles in TimmCycleSchedule, step mapping and noise in TimmSchedule. Without warmup_prefix
// the warmup climbs to the main schedule's value at warmup_t, not to the base rate (timm's rule for tanh).
namespace Ramp;

/// <summary>
/// In cycle i at <c>r = t_curr / t_i</c>: <c>lr_min + 0.5 * (base * cycle_decay^i - lr_min) * (1 - tanh(lb * (1 - r) + ub * r))</c>;
/// lr_min once i reaches cycle_limit.
/// </summary>
internal sealed class TimmTanh : TimmCycleSchedule
{
    private readonly double lower;
    private readonly double upper;
    private readonly bool warmupPrefix;
    private readonly long warmupSteps;

    private TimmTanh(ScheduleArguments arguments)
        : base(arguments)
    {
        lower = arguments.Number("lb");
        upper = arguments.Number("ub");
        if (!(lower < upper))
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), lower, $"lb={lower} must be below ub={upper}");
        }

        warmupPrefix = arguments.Boolean("warmup_prefix");
        warmupSteps = arguments.Integer("warmup_t");
    }

    /// <summary>The catalog entry <c>timm.TanhLRScheduler(t_initial, lb=-7, ub=3, lr_min=0, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "TanhLRScheduler",
        ScheduleOrigin.Timm,
        "timm's tanh decay with restarts, warmup and noise; relative, lr_min and warmup_lr_init absolute.",
        [
            new("t_initial", ParameterKind.Integer, "length of the first cycle") { Minimum = 1 },
            new("lb", ParameterKind.Number, "the tanh argument at the start of a cycle") { Default = Spec.Of(-7.0) },
            new("ub", ParameterKind.Number, "the tanh argument at the end of a cycle") { Default = Spec.Of(3.0) },
            new("lr_min", ParameterKind.Number, "the absolute minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
            .. TimmParameters.Cycles(),
            .. TimmParameters.Warmup(prefix: false),
            .. TimmParameters.Noise(),
            .. TimmParameters.Tail(),
        ],
        arguments => new TimmTanh(arguments))
    {
        Example = "timm.TanhLRScheduler(t_initial=300, lr_min=1e-5)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    protected override double WarmupTarget(double baseRate) => warmupPrefix ? baseRate : Main(warmupSteps, baseRate);

    /// <inheritdoc/>
    protected override double InCycle(double peak, double position, double length)
    {
        var ratio = position / length;
        return Minimum + (0.5 * (peak - Minimum) * (1 - Math.Tanh((lower * (1.0 - ratio)) + (upper * ratio))));
    }
}
