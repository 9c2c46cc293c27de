// timm.scheduler.CosineLRScheduler: cosine cycles with restarts (cycle_mul, cycle_decay, cycle_limit), k-decay,
// warmup and noise. Relative to each group's rate, lr_min absolute; cycles in TimmCycleSchedule, step mapping and noise in TimmSchedule.
namespace Ramp;

/// <summary>
/// In cycle i of length t_i at position t_curr: <c>lr_min + 0.5 * (base * cycle_decay^i - lr_min) * (1 + cos(pi * t_curr^k / t_i^k))</c>;
/// lr_min once i reaches cycle_limit.
/// </summary>
internal sealed class TimmCosine : TimmCycleSchedule
{
    private readonly double k;

    private TimmCosine(ScheduleArguments arguments)
        : base(arguments)
    {
        k = arguments.Number("k_decay");
    }

    /// <summary>The catalog entry <c>timm.CosineLRScheduler(t_initial, lr_min=0, cycle_mul=1, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineLRScheduler",
        ScheduleOrigin.Timm,
        "timm's cosine with restarts, k-decay, warmup and noise; relative, lr_min and warmup_lr_init absolute.",
        [
            new("t_initial", ParameterKind.Integer, "length of the first cycle") { Minimum = 1 },
            new("lr_min", ParameterKind.Number, "the absolute minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
            .. TimmParameters.Cycles(),
            .. TimmParameters.Warmup(prefix: false),
            .. TimmParameters.Noise(),
            TimmParameters.KDecay(),
            .. TimmParameters.Tail(),
        ],
        arguments => new TimmCosine(arguments))
    {
        Example = "timm.CosineLRScheduler(t_initial=300, lr_min=1e-5, warmup_t=5, warmup_lr_init=1e-6)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    protected override double InCycle(double peak, double position, double length)
        => Minimum + (0.5 * (peak - Minimum) * (1 + Math.Cos(Math.PI * Math.Pow(position, k) / Math.Pow(length, k))));
}
