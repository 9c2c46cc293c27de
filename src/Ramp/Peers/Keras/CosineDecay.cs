// keras.optimizers.schedules.CosineDecay (Keras 3, with warmup) and TensorFlow 1's tf.compat.v1.train.cosine_decay,
// which share the normalized name cosinedecay and so this entry: pass TF1's learning_rate positionally or as
// initial_learning_rate; its global_step is the step Ramp passes. Absolute rates; the optimizer calls the schedule
// with its iteration count, 0 at the first update, so the value at step k is Rate(k). Keras's `name` is accepted
// and ignored. Keras computes in float32, Ramp in float64.
namespace Ramp;

/// <summary>
/// Without warmup: <c>init * ((1 - alpha) * 0.5 * (1 + cos(pi * min(t, D) / D)) + alpha)</c>. With a warmup_target:
/// <c>init + (target - init) * t / W</c> for t &lt; W, then the cosine from target over the next D steps
/// (<c>decay_steps</c> counts the steps after the warmup), held at <c>target * alpha</c>.
/// </summary>
internal sealed class KerasCosineDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly double initialRate;
    private readonly double decaySteps;
    private readonly double alpha;
    private readonly double? warmupTarget;
    private readonly double warmupSteps;

    private KerasCosineDecay(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        initialRate = arguments.Number("initial_learning_rate");
        decaySteps = arguments.Number("decay_steps");
        alpha = arguments.Number("alpha");
        warmupTarget = arguments.OptionalNumber("warmup_target");
        warmupSteps = arguments.Number("warmup_steps");
    }

    /// <summary>The catalog entry <c>keras.CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, name=None, warmup_target=None, warmup_steps=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineDecay",
        ScheduleOrigin.Keras,
        "Keras's cosine decay to alpha * the start (absolute), optionally after a linear warmup to warmup_target.",
        [
            new("initial_learning_rate", ParameterKind.Number, "the rate at step 0") { Minimum = 0 },
            new("decay_steps", ParameterKind.Number, "steps of the cosine (after the warmup)") { Minimum = 0, MinimumExclusive = true },
            new("alpha", ParameterKind.Number, "the final rate as a fraction of the decay's start") { Default = Spec.Of(0.0) },
            new("name", ParameterKind.Text, "Keras's operation name; ignored") { Default = new SpecNone() },
            new("warmup_target", ParameterKind.Number, "the rate at the end of the warmup (None: no warmup)") { Default = new SpecNone(), Minimum = 0 },
            new("warmup_steps", ParameterKind.Number, "steps of the warmup") { Default = Spec.Of(0.0), Minimum = 0 },
        ],
        arguments => new KerasCosineDecay(arguments))
    {
        Example = "keras.CosineDecay(initial_learning_rate=0.0, decay_steps=9000, warmup_target=0.001, warmup_steps=1000)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (warmupTarget is not { } target)
        {
            return Decayed(Math.Min(step, decaySteps), initialRate);
        }

        var clamped = Math.Min(step, decaySteps + warmupSteps);
        return clamped < warmupSteps
            ? ((target - initialRate) * (clamped / warmupSteps)) + initialRate
            : Decayed(clamped - warmupSteps, target);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    private double Decayed(double step, double from)
    {
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * (step / decaySteps)));
        return from * (((1 - alpha) * cosine) + alpha);
    }
}
