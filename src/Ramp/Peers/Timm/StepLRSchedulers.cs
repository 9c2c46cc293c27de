// timm.scheduler.StepLRScheduler and MultiStepLRScheduler: step decays with warmup (prefix by default) and noise.
// Relative to each group's rate; step mapping and noise in TimmSchedule. MultiStepLRScheduler counts the
// milestones up to t + 1 (bisect_right(decay_t, t + 1)), so it decays one step before each milestone; reproduced.
namespace Ramp;

/// <summary><c>base * decay_rate^(t // decay_t)</c> with Python's floor division.</summary>
internal sealed class TimmStep : TimmSchedule
{
    private readonly double interval;
    private readonly double decayRate;

    private TimmStep(ScheduleArguments arguments)
        : base(arguments)
    {
        interval = arguments.Number("decay_t");
        decayRate = arguments.Number("decay_rate");
    }

    /// <summary>The catalog entry <c>timm.StepLRScheduler(decay_t, decay_rate=1.0, warmup_t=0, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "StepLRScheduler",
        ScheduleOrigin.Timm,
        "timm's step decay every decay_t, with warmup (prefix) and noise; relative, warmup_lr_init absolute.",
        [
            new("decay_t", ParameterKind.Number, "steps between decays") { Minimum = 0, MinimumExclusive = true },
            new("decay_rate", ParameterKind.Number, "the factor of each decay") { Default = Spec.Of(1.0), Minimum = 0 },
            .. TimmParameters.Warmup(prefix: true),
            .. TimmParameters.Noise(),
            .. TimmParameters.Tail(),
        ],
        arguments => new TimmStep(arguments))
    {
        Example = "timm.StepLRScheduler(decay_t=30, decay_rate=0.1, warmup_t=3, warmup_lr_init=1e-5)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    protected override double Main(long step, double baseRate) => baseRate * Math.Pow(decayRate, FloorDivide(step, interval));

    // Python's float floor division a // b (for b > 0), which can differ from floor(a / b) when a / b rounds up.
    private static double FloorDivide(double dividend, double divisor)
    {
        var remainder = dividend % divisor;
        var quotient = (dividend - remainder) / divisor;
        if (remainder != 0 && remainder < 0)
        {
            quotient -= 1;
        }

        var floor = Math.Floor(quotient);
        return quotient - floor > 0.5 ? floor + 1 : floor;
    }
}

/// <summary><c>base * decay_rate^n</c> with n the number of milestones at most t + 1.</summary>
internal sealed class TimmMultiStep : TimmSchedule
{
    private readonly long[] milestones;
    private readonly double decayRate;

    private TimmMultiStep(ScheduleArguments arguments)
        : base(arguments)
    {
        milestones = [.. arguments.Integers("decay_t")];
        for (var i = 1; i < milestones.Length; i++)
        {
            if (milestones[i] < milestones[i - 1])
            {
                throw new ArgumentException($"decay_t must be sorted; {milestones[i]} follows {milestones[i - 1]}", nameof(arguments));
            }
        }

        decayRate = arguments.Number("decay_rate");
    }

    /// <summary>The catalog entry <c>timm.MultiStepLRScheduler(decay_t, decay_rate=1.0, warmup_t=0, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "MultiStepLRScheduler",
        ScheduleOrigin.Timm,
        "timm's decay at milestones (one step early, as timm), with warmup (prefix) and noise; relative.",
        [
            new("decay_t", ParameterKind.IntegerList, "the milestones, sorted") { Minimum = 0 },
            new("decay_rate", ParameterKind.Number, "the factor of each decay") { Default = Spec.Of(1.0), Minimum = 0 },
            .. TimmParameters.Warmup(prefix: true),
            .. TimmParameters.Noise(),
            .. TimmParameters.Tail(),
        ],
        arguments => new TimmMultiStep(arguments))
    {
        Example = "timm.MultiStepLRScheduler(decay_t=[30, 60, 90], decay_rate=0.1)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    protected override double Main(long step, double baseRate)
    {
        var passed = 0;
        while (passed < milestones.Length && milestones[passed] <= step + 1)
        {
            passed++;
        }

        return baseRate * Math.Pow(decayRate, passed);
    }
}
