// timm.scheduler.PolyLRScheduler: polynomial decay per cycle with restarts, k-decay, warmup and noise. Relative to
// each group's rate, lr_min absolute; cycles in TimmCycleSchedule, step mapping and noise in TimmSchedule.
namespace Ramp;

/// <summary>
/// In cycle i: <c>lr_min + (base * cycle_decay^i - lr_min) * (1 - t_curr^k / t_i^k)^power</c>; lr_min once i reaches cycle_limit.
/// </summary>
internal sealed class TimmPoly : TimmCycleSchedule
{
    private readonly double power;
    private readonly double k;

    private TimmPoly(ScheduleArguments arguments)
        : base(arguments)
    {
        power = arguments.Number("power");
        k = arguments.Number("k_decay");
    }

    /// <summary>The catalog entry <c>timm.PolyLRScheduler(t_initial, power=0.5, lr_min=0, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "PolyLRScheduler",
        ScheduleOrigin.Timm,
        "timm's polynomial decay with restarts, k-decay, warmup and noise; relative, lr_min absolute.",
        [
            new("t_initial", ParameterKind.Integer, "length of the first cycle") { Minimum = 1 },
            new("power", ParameterKind.Number, "the power of the decay") { Default = Spec.Of(0.5), Minimum = 0 },
            new("lr_min", ParameterKind.Number, "the absolute minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
            .. TimmParameters.Cycles(),
            .. TimmParameters.Warmup(prefix: false),
            .. TimmParameters.Noise(),
            TimmParameters.KDecay(),
            .. TimmParameters.Tail(),
        ],
        arguments => new TimmPoly(arguments))
    {
        Example = "timm.PolyLRScheduler(t_initial=300, power=1.0, lr_min=1e-5)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    protected override double InCycle(double peak, double position, double length)
        => Minimum + ((peak - Minimum) * Math.Pow(1 - (Math.Pow(position, k) / Math.Pow(length, k)), power));
}
