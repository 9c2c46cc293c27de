// What timm's schedulers share: the warmup (warmup_t, warmup_lr_init, warmup_prefix), the noise (noise_range_t,
// noise_pct, noise_seed, noise_type) and the step origin. timm's schedules are relative to each group's base rate
// with lr_min and warmup_lr_init absolute, hence Rate(step, baseRate). Step mapping: timm is given its counter t
// explicitly (step(epoch) at the end of an epoch, step_update(num_updates) after an update) and sets the value for
// the next epoch or update; so the rate of update k (or epoch k) is _get_lr(k) plus noise for k >= 1, and for k = 0
// the value the constructor sets: warmup_lr_init when warmup_t > 0, else the base rate, never with noise.
// Noise: timm seeds a torch.Generator with noise_seed + t; Ramp draws from the same law (a normal redrawn until
// |n| < noise_pct, or a uniform in (-noise_pct, noise_pct)) with its own per-step hash, so noisy values cannot
// match torch's, while noiseless ones are exact. noise_std is stored and unused by timm, and so here;
// t_in_epochs and initialize are accepted and ignored.
namespace Ramp;

/// <summary>The warmup, noise and step origin of timm's schedulers; subclasses give the main schedule.</summary>
internal abstract class TimmSchedule : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly double warmupStart;
    private readonly bool warmupPrefix;
    private readonly double noiseFrom;
    private readonly double noiseTo;
    private readonly double noiseLimit;
    private readonly bool uniformNoise;
    private readonly ulong noiseKey;

    protected TimmSchedule(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        warmupSteps = arguments.Integer("warmup_t");
        warmupStart = arguments.Number("warmup_lr_init");
        warmupPrefix = arguments.Boolean("warmup_prefix");
        (noiseFrom, noiseTo) = arguments.IsNone("noise_range_t")
            ? (double.PositiveInfinity, double.PositiveInfinity)
            : arguments.Numbers("noise_range_t") switch
            {
                [var from] => (from, double.PositiveInfinity),
                [var from, var to] => (from, to),
                var other => throw new ArgumentException($"noise_range_t has {other.Count} values; give one start step or a [start, end) pair", nameof(arguments)),
            };
        noiseLimit = arguments.Number("noise_pct");
        uniformNoise = arguments.Text("noise_type") == "uniform";
        noiseKey = StepNoise.Key(arguments.Integer("noise_seed"));
    }

    /// <inheritdoc/>
    public sealed override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public sealed override double Rate(long step) => Rate(step, 1.0);

    /// <inheritdoc/>
    public sealed override double Rate(long step, double baseRate)
    {
        if (step == 0)
        {
            return warmupSteps > 0 ? warmupStart : baseRate;
        }

        var value = Value(step, baseRate);
        if (step >= noiseFrom && step < noiseTo)
        {
            var noise = uniformNoise
                ? 2 * (StepNoise.Uniform(noiseKey, step, 0) - 0.5) * noiseLimit
                : StepNoise.TruncatedNormal(noiseKey, step, noiseLimit);
            value += value * noise;
        }

        return value;
    }

    /// <inheritdoc/>
    public sealed override SpecCall ToSpec() => definition;

    /// <summary>timm's <c>_get_lr(t)</c> for a group whose base rate is <paramref name="baseRate"/>.</summary>
    protected double Value(long step, double baseRate)
    {
        if (step < warmupSteps)
        {
            return warmupStart + (step * ((WarmupTarget(baseRate) - warmupStart) / warmupSteps));
        }

        return Main(warmupPrefix ? step - warmupSteps : step, baseRate);
    }

    /// <summary>The rate the warmup climbs to: the base rate, except where timm says otherwise.</summary>
    protected virtual double WarmupTarget(double baseRate) => baseRate;

    /// <summary>The schedule after the warmup, at its own counter (shifted by warmup_t when warmup_prefix).</summary>
    protected abstract double Main(long step, double baseRate);
}

/// <summary>timm's parameter lists, in each scheduler's positional order.</summary>
internal static class TimmParameters
{
    public static ParameterSpec[] Cycles() =>
    [
        new("cycle_mul", ParameterKind.Number, "each cycle's length over the previous one's") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
        new("cycle_decay", ParameterKind.Number, "each cycle's peak over the previous one's") { Default = Spec.Of(1.0), Minimum = 0 },
        new("cycle_limit", ParameterKind.Integer, "cycles before the rate rests at lr_min") { Default = Spec.Of(1.0), Minimum = 0 },
    ];

    public static ParameterSpec[] Warmup(bool prefix) =>
    [
        new("warmup_t", ParameterKind.Integer, "steps of the linear warmup") { Default = Spec.Of(0.0), Minimum = 0 },
        new("warmup_lr_init", ParameterKind.Number, "the absolute rate at step 0 of the warmup") { Default = Spec.Of(0.0), Minimum = 0 },
        new("warmup_prefix", ParameterKind.Boolean, "start the main schedule after the warmup (else under it)") { Default = Spec.Of(prefix) },
        new("t_in_epochs", ParameterKind.Boolean, "accepted and ignored: Ramp's step is whatever counter timm is given") { Default = new SpecNone() },
    ];

    public static ParameterSpec[] Noise() =>
    [
        new("noise_range_t", ParameterKind.NumberList, "noise from this step on, or in [start, end)") { Default = new SpecNone(), Minimum = 0 },
        new("noise_pct", ParameterKind.Number, "the noise limit, as a fraction of the rate") { Default = Spec.Of(0.67), Minimum = 0, MinimumExclusive = true },
        new("noise_std", ParameterKind.Number, "stored and unused, as in timm") { Default = Spec.Of(1.0) },
        new("noise_seed", ParameterKind.Integer, "selects the noise sequence") { Default = Spec.Of(42.0) },
    ];

    public static ParameterSpec KDecay() => new("k_decay", ParameterKind.Number, "k-decay exponent on the cycle position") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true };

    public static ParameterSpec[] Tail() =>
    [
        new("initialize", ParameterKind.Boolean, "accepted and ignored") { Default = new SpecNone() },
        new("noise_type", ParameterKind.Text, "the noise law (timm's base class argument)") { Default = Spec.Of("normal"), Choices = ["normal", "uniform"] },
    ];
}

/// <summary>timm's cycle arithmetic (also fairseq's cosine): which cycle holds t, its length and t's place in it.</summary>
internal static class TimmCycles
{
    /// <summary>
    /// For <c>multiplier != 1</c>, <c>i = floor(log(1 - t / first * (1 - multiplier)) / log(multiplier))</c>; else
    /// <c>i = floor(t / first)</c>. Throws where timm's logarithm has no value (cycles shrinking to nothing).
    /// </summary>
    /// <param name="step">The counter after the warmup.</param>
    /// <param name="first">The first cycle's length.</param>
    /// <param name="multiplier">Each cycle's length over the previous one's.</param>
    /// <param name="logMultiplier">log(multiplier), computed once by the caller.</param>
    public static (long Cycle, double Length, double Position) Locate(double step, double first, double multiplier, double logMultiplier)
    {
        if (multiplier == 1)
        {
            var whole = Math.Floor(step / first);
            return ((long)whole, first, step - (first * whole));
        }

        var argument = 1 - (step / first * (1 - multiplier));
        if (!(argument > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step {step} lies past the end of cycles shrinking by {multiplier} (the peer fails with a math domain error there)");
        }

        var cycle = Math.Floor(Math.Log(argument) / logMultiplier);
        var growth = Math.Pow(multiplier, cycle);
        return ((long)cycle, growth * first, step - ((1 - growth) / (1 - multiplier) * first));
    }
}
