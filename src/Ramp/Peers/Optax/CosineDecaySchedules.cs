// optax's cosine_decay_schedule and warmup_cosine_decay_schedule: absolute values of optax's `count`, which is 0
// at the first update, so the value at step k is Rate(k). warmup_cosine_decay_schedule's decay_steps includes the
// warmup (Keras's CosineDecay counts it after the warmup), and it raises when decay_steps equals warmup_steps.
// optax computes in float32, Ramp in float64.
namespace Ramp;

/// <summary><c>init_value * ((1 - alpha) * (0.5 * (1 + cos(pi * min(t, D) / D)))^exponent + alpha)</c>.</summary>
internal sealed class OptaxCosineDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly double initialValue;
    private readonly double decaySteps;
    private readonly double alpha;
    private readonly double exponent;

    internal OptaxCosineDecay(SpecCall definition, double initialValue, double decaySteps, double alpha, double exponent)
    {
        this.definition = definition;
        this.initialValue = initialValue;
        this.decaySteps = decaySteps;
        this.alpha = alpha;
        this.exponent = exponent;
    }

    /// <summary>The catalog entry <c>optax.cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "cosine_decay_schedule",
        ScheduleOrigin.Optax,
        "optax's cosine decay from init_value to alpha * init_value over decay_steps, then held.",
        [
            new("init_value", ParameterKind.Number, "the value at step 0"),
            new("decay_steps", ParameterKind.Integer, "steps of the decay") { Minimum = 1 },
            new("alpha", ParameterKind.Number, "the final value as a fraction of init_value") { Default = Spec.Of(0.0) },
            new("exponent", ParameterKind.Number, "the power applied to the half cosine") { Default = Spec.Of(1.0) },
        ],
        arguments => new OptaxCosineDecay(
            arguments.Canonical,
            arguments.Number("init_value"),
            arguments.Integer("decay_steps"),
            arguments.Number("alpha"),
            arguments.Number("exponent")))
    {
        Example = "optax.cosine_decay_schedule(init_value=0.001, decay_steps=10000, alpha=0.1)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var count = Math.Min(step, decaySteps);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * count / decaySteps));
        return initialValue * (((1 - alpha) * (exponent == 1 ? cosine : Math.Pow(cosine, exponent))) + alpha);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}

/// <summary>
/// <c>init + (peak - init) * t / W</c> for t &lt; W, then <see cref="OptaxCosineDecay"/> from peak_value over
/// <c>decay_steps - W</c> steps with <c>alpha = end_value / peak_value</c> (0 when peak_value is 0), fed <c>t - W</c>.
/// </summary>
internal sealed class OptaxWarmupCosineDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly double initialValue;
    private readonly double peakValue;
    private readonly long warmupSteps;
    private readonly OptaxCosineDecay decay;

    private OptaxWarmupCosineDecay(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        initialValue = arguments.Number("init_value");
        peakValue = arguments.Number("peak_value");
        warmupSteps = arguments.Integer("warmup_steps");
        DecaySteps = arguments.Integer("decay_steps");
        if (DecaySteps <= warmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), DecaySteps, $"decay_steps={DecaySteps} must exceed warmup_steps={warmupSteps}: it includes the warmup");
        }

        var end = arguments.Number("end_value");
        decay = new OptaxCosineDecay(definition, peakValue, DecaySteps - warmupSteps, peakValue == 0 ? 0 : end / peakValue, arguments.Number("exponent"));
    }

    /// <summary>The catalog entry <c>optax.warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, exponent=1.0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "warmup_cosine_decay_schedule",
        ScheduleOrigin.Optax,
        "optax's linear warmup to peak_value, then a cosine to end_value; decay_steps includes the warmup.",
        [
            new("init_value", ParameterKind.Number, "the value at step 0"),
            new("peak_value", ParameterKind.Number, "the value at the end of the warmup"),
            new("warmup_steps", ParameterKind.Integer, "steps of the linear warmup") { Minimum = 0 },
            new("decay_steps", ParameterKind.Integer, "total steps, warmup included") { Minimum = 1 },
            new("end_value", ParameterKind.Number, "the final value") { Default = Spec.Of(0.0) },
            new("exponent", ParameterKind.Number, "the power applied to the half cosine") { Default = Spec.Of(1.0) },
        ],
        arguments => new OptaxWarmupCosineDecay(arguments))
    {
        Example = "optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.001, warmup_steps=1000, decay_steps=10000)",
        Scale = RateScale.Absolute,
    };

    /// <summary>Total steps of this cycle, warmup included: where sgdr_schedule starts the next one.</summary>
    public long DecaySteps { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step >= warmupSteps)
        {
            return decay.Rate(step - warmupSteps);
        }

        var remaining = 1 - ((double)step / warmupSteps);
        return ((initialValue - peakValue) * remaining) + peakValue;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
