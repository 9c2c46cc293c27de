// torch.optim.lr_scheduler.CosineAnnealingWarmRestarts (and, with an absolute base, Paddle's class of the same
// name). Step mapping: the value after k calls to step() without an epoch is Rate(k) (harness B). Only whole
// steps exist in Ramp: PyTorch's fractional `step(epoch + i / iters)` has no counterpart, and at whole epochs its
// explicit-epoch form gives the same values as this one. Cycles are found with exact integer arithmetic.
namespace Ramp;

/// <summary>
/// Cycle i lasts <c>T_0 * T_mult^i</c> steps; within it <c>eta_min + (base - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2</c>
/// with T_cur the steps since the cycle began. Relative with an absolute eta_min (PyTorch) or absolute (Paddle).
/// </summary>
internal sealed class WarmRestartsSchedule : Schedule
{
    private readonly SpecCall definition;
    private readonly long firstPeriod;
    private readonly long multiplier;
    private readonly double floor;
    private readonly double? learningRate;

    /// <summary>Creates the schedule; <paramref name="learningRate"/> null makes it relative.</summary>
    public WarmRestartsSchedule(SpecCall definition, long t0, long tMult, double etaMin, double? learningRate)
    {
        this.definition = definition;
        firstPeriod = t0;
        multiplier = tMult;
        floor = etaMin;
        this.learningRate = learningRate;
    }

    /// <summary>The parameters shared by PyTorch's and Paddle's entries.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("T_0", ParameterKind.Integer, "length of the first cycle in steps") { Minimum = 1 },
        new("T_mult", ParameterKind.Integer, "each cycle's length over the previous one's") { Default = Spec.Of(1.0), Minimum = 1 },
        new("eta_min", ParameterKind.Number, "the absolute minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
    ];

    /// <summary>The catalog entry <c>torch.CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineAnnealingWarmRestarts",
        ScheduleOrigin.PyTorch,
        "PyTorch's SGDR: cosine cycles of T_0 * T_mult^i steps restarting at the base rate; eta_min is absolute.",
        Parameters,
        arguments => new WarmRestartsSchedule(arguments.Canonical, arguments.Integer("T_0"), arguments.Integer("T_mult"), arguments.Number("eta_min"), null))
    {
        Example = "torch.CosineAnnealingWarmRestarts(T_0=1000, T_mult=2, eta_min=1e-6)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => learningRate is null ? RateScale.Relative : RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step) => Rate(step, 1.0);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate)
    {
        var start = 0L;
        var length = firstPeriod;
        if (multiplier == 1)
        {
            start = step - (step % length);
        }
        else
        {
            while (step - start >= length)
            {
                start += length;
                length = length > long.MaxValue / multiplier ? long.MaxValue : length * multiplier;
            }
        }

        var top = learningRate ?? baseRate;
        return floor + ((top - floor) * (1 + Math.Cos(Math.PI * (step - start) / length)) / 2);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
