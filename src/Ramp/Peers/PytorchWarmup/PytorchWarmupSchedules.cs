// Tony-Y/pytorch_warmup's warmups as factors over a schedule (default constant 1): the lr used at iteration
// t (0-based) is lr_schedule(t) · ω(t), as its `with warmup.dampening(): scheduler.step()` produces.
// Harness mapping: its tests read the lr before optimizer.step() at iterations k = 1..10, so expected[k] is
// Rate(k − 1) here. pytorch_warmup takes the period (or β2) per parameter group; in Ramp give each group its
// own schedule for per-group periods.
//   LinearWarmup(τ):      ω = min(1, (t + 1)/τ)
//   ExponentialWarmup(τ): ω = 1 − exp(−(t + 1)/τ)
//   UntunedLinearWarmup: LinearWarmup with τ = int(2/(1 − β2)) (1999 for β2 = 0.999: int() truncates 1999.99...)
//   UntunedExponentialWarmup: ExponentialWarmup with τ = int(1/(1 − β2))
//   RAdamWarmup: ω = r(t + δ), RAdam's rectification term from its offset δ (see RAdamRectification)
namespace Ramp;

internal static class PytorchWarmupSchedules
{
    private static readonly SpecCall One = new("constant", ("value", Spec.Of(1.0)));

    public static IEnumerable<ScheduleEntry> Entries =>
    [
        Linear,
        Exponential,
        UntunedLinear,
        UntunedExponential,
        RAdam,
    ];

    public static ScheduleEntry Linear { get; } = new(
        "LinearWarmup",
        ScheduleOrigin.PytorchWarmup,
        "pytorch_warmup's linear warmup factor min(1, (t+1)/warmup_period) over a schedule.",
        [Period("the warmup period τ"), Wrapped()],
        arguments => new PytorchWarmupSchedule(arguments.Canonical, arguments.Schedule("schedule"), PytorchWarmupKind.Linear, arguments.Integer("warmup_period"), 0))
    {
        Example = "pytorch_warmup.LinearWarmup(warmup_period=5)",
    };

    public static ScheduleEntry Exponential { get; } = new(
        "ExponentialWarmup",
        ScheduleOrigin.PytorchWarmup,
        "pytorch_warmup's exponential warmup factor 1 - exp(-(t+1)/warmup_period) over a schedule.",
        [Period("the time constant τ"), Wrapped()],
        arguments => new PytorchWarmupSchedule(arguments.Canonical, arguments.Schedule("schedule"), PytorchWarmupKind.Exponential, arguments.Integer("warmup_period"), 0))
    {
        Example = "pytorch_warmup.ExponentialWarmup(warmup_period=5)",
    };

    public static ScheduleEntry UntunedLinear { get; } = new(
        "UntunedLinearWarmup",
        ScheduleOrigin.PytorchWarmup,
        "pytorch_warmup's untuned linear warmup: LinearWarmup with period int(2/(1-beta2)).",
        [Beta2(0), Wrapped()],
        arguments => new PytorchWarmupSchedule(arguments.Canonical, arguments.Schedule("schedule"), PytorchWarmupKind.Linear, UntunedPeriod(2, arguments.Number("beta2")), 0))
    {
        Example = "pytorch_warmup.UntunedLinearWarmup(beta2=0.98)",
    };

    public static ScheduleEntry UntunedExponential { get; } = new(
        "UntunedExponentialWarmup",
        ScheduleOrigin.PytorchWarmup,
        "pytorch_warmup's untuned exponential warmup: ExponentialWarmup with period int(1/(1-beta2)).",
        [Beta2(0), Wrapped()],
        arguments => new PytorchWarmupSchedule(arguments.Canonical, arguments.Schedule("schedule"), PytorchWarmupKind.Exponential, UntunedPeriod(1, arguments.Number("beta2")), 0))
    {
        Example = "pytorch_warmup.UntunedExponentialWarmup(beta2=0.98)",
    };

    public static ScheduleEntry RAdam { get; } = new(
        "RAdamWarmup",
        ScheduleOrigin.PytorchWarmup,
        "pytorch_warmup's RAdam warmup: RAdam's rectification term as a factor over a schedule.",
        [Beta2(0.6), Wrapped()],
        arguments => new PytorchWarmupSchedule(arguments.Canonical, arguments.Schedule("schedule"), PytorchWarmupKind.RAdam, 0, arguments.Number("beta2")))
    {
        Example = "pytorch_warmup.RAdamWarmup(beta2=0.98)",
    };

    private static ParameterSpec Period(string summary) => new("warmup_period", ParameterKind.Integer, summary) { Minimum = 1 };

    private static ParameterSpec Beta2(double minimum) => new("beta2", ParameterKind.Number, "Adam's second-moment decay (pytorch_warmup reads it from the optimizer)")
    {
        Default = Spec.Of(0.999),
        Minimum = minimum,
        MinimumExclusive = true,
        Maximum = 1,
        MaximumExclusive = true,
    };

    private static ParameterSpec Wrapped() => new("schedule", ParameterKind.Schedule, "the schedule the warmup dampens") { Default = One };

    // pytorch_warmup's int(k / (1 − β2)): truncation toward zero, floating-point error included.
    private static long UntunedPeriod(double numerator, double beta2) => (long)(numerator / (1.0 - beta2));
}

internal enum PytorchWarmupKind
{
    Linear,
    Exponential,
    RAdam,
}

internal sealed class PytorchWarmupSchedule : GroupedSchedule
{
    private readonly Schedule[] children;
    private readonly SpecCall definition;
    private readonly PytorchWarmupKind kind;
    private readonly long period;
    private readonly double logBeta2;
    private readonly double rhoInfinity;
    private readonly double scale;
    private readonly long offset;

    public PytorchWarmupSchedule(SpecCall definition, Schedule schedule, PytorchWarmupKind kind, long period, double beta2)
    {
        if (kind == PytorchWarmupKind.RAdam)
        {
            RAdamRectification.Validate(beta2, nameof(beta2));
            rhoInfinity = RAdamRectification.RhoInfinity(beta2);
            logBeta2 = Math.Log(beta2);
            scale = RAdamRectification.Scale(rhoInfinity);
            offset = RAdamRectification.Offset(beta2);
        }
        else if (period < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"warmup_period must be a positive integer, but is {period}");
        }

        this.definition = definition;
        this.kind = kind;
        this.period = period;
        children = [schedule];
    }

    public override RateScale Scale => children[0].Scale;

    public override IReadOnlyList<Schedule> Children => children;

    public double Factor(long step) => kind switch
    {
        PytorchWarmupKind.Linear => Math.Min(1.0, (double)(step + 1) / period),
        PytorchWarmupKind.Exponential => 1.0 - Math.Exp(-(double)(step + 1) / period),
        _ => RAdamRectification.Factor(step + offset, logBeta2, rhoInfinity, scale),
    };

    public override double Rate(long step, double baseRate, int group) => Factor(step) * children[0].Rate(step, baseRate, group);

    public override SpecCall ToSpec() => definition;
}
