// torch.optim.lr_scheduler.CosineAnnealingLR (and, with an absolute base, Paddle's CosineAnnealingDecay).
// Step mapping: PyTorch's value after k calls to step() (last_epoch = k) is Rate(k); harness B vectors compare
// expected[k] with Rate(k). PyTorch computes the value recursively from the previous one; the closed form here
// agrees with PyTorch 1.13 to 1e-12 relative, except where the recursion itself drifts (up to ~4e-10 relative when
// eta_min lies far above the base rate). Periodic: past T_max the rate climbs back up, reaching the
// base again at 2 T_max, as PyTorch's does. eta_min is absolute next to each group's base rate. T_max is an integer,
// as PyTorch documents it: with some fractional values PyTorch's recursion divides by zero.
namespace Ramp;

/// <summary>
/// <c>eta_min + (base - eta_min) * (1 + cos(pi * t / T_max)) / 2</c>, not clamped: period 2 T_max.
/// Relative (PyTorch: base is each group's rate, see <see cref="Rate(long, double)"/>) or absolute (Paddle: base is
/// the <c>learning_rate</c> argument).
/// </summary>
internal sealed class PeriodicCosineSchedule : Schedule
{
    private readonly SpecCall definition;
    private readonly double period;
    private readonly double floor;
    private readonly double? learningRate;

    /// <summary>Creates the schedule; <paramref name="learningRate"/> null makes it relative.</summary>
    public PeriodicCosineSchedule(SpecCall definition, double tMax, double etaMin, double? learningRate)
    {
        this.definition = definition;
        period = tMax;
        floor = etaMin;
        this.learningRate = learningRate;
    }

    /// <summary>The catalog entry <c>torch.CosineAnnealingLR(T_max, eta_min=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineAnnealingLR",
        ScheduleOrigin.PyTorch,
        "PyTorch's cosine annealing: periodic, back at the base rate after 2 T_max; eta_min is absolute.",
        [
            new("T_max", ParameterKind.Integer, "half period in steps") { Minimum = 1 },
            new("eta_min", ParameterKind.Number, "the absolute minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
        ],
        arguments => new PeriodicCosineSchedule(arguments.Canonical, arguments.Integer("T_max"), arguments.Number("eta_min"), null))
    {
        Example = "CosineAnnealingLR(T_max=10000, eta_min=1e-6)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => learningRate is null ? RateScale.Relative : RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step) => Rate(step, 1.0);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate)
    {
        var top = learningRate ?? baseRate;
        return floor + ((top - floor) * (1 + Math.Cos(Math.PI * step / period)) / 2);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
