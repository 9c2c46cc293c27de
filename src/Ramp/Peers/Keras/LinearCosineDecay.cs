// TensorFlow's linear cosine decays: tf.keras.experimental.LinearCosineDecay / NoisyLinearCosineDecay (TF2) and
// tf.compat.v1.train.linear_cosine_decay / noisy_linear_cosine_decay (TF1), which share normalized names and so
// these entries (TF1's global_step is the step Ramp passes). Absolute rates; the value at optimizer iteration k
// (0 at the first update) is Rate(k). TensorFlow draws fresh noise at every call from its own generator; Ramp's
// noise is fixed per (seed, step) and cannot reproduce TensorFlow's sequence. `name` is accepted and ignored.
namespace Ramp;

/// <summary>
/// <c>init * ((alpha + (D - s) / D + eps) * 0.5 * (1 + cos(pi * 2 * num_periods * s / D)) + beta)</c> with
/// <c>s = min(t, D)</c>; eps is 0 (LinearCosineDecay) or normal with variance
/// <c>initial_variance / (1 + s)^variance_decay</c> (NoisyLinearCosineDecay).
/// </summary>
internal sealed class KerasLinearCosineDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly double initialRate;
    private readonly double decaySteps;
    private readonly double periods;
    private readonly double alpha;
    private readonly double beta;
    private readonly bool noisy;
    private readonly double deviation;
    private readonly double exponent;
    private readonly ulong noiseKey;

    private KerasLinearCosineDecay(ScheduleArguments arguments, bool noisy)
    {
        definition = arguments.Canonical;
        initialRate = arguments.Number("initial_learning_rate");
        decaySteps = arguments.Number("decay_steps");
        periods = arguments.Number("num_periods");
        alpha = arguments.Number("alpha");
        beta = arguments.Number("beta");
        this.noisy = noisy;
        if (noisy)
        {
            deviation = Math.Sqrt(arguments.Number("initial_variance"));
            exponent = -0.5 * arguments.Number("variance_decay");
            noiseKey = StepNoise.Key(arguments.OptionalInteger("seed") ?? 0);
        }
    }

    /// <summary>The catalog entry <c>tf.LinearCosineDecay(initial_learning_rate, decay_steps, num_periods=0.5, alpha=0.0, beta=0.001, name=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "LinearCosineDecay",
        ScheduleOrigin.Keras,
        "TensorFlow's linear cosine decay (absolute): a linear ramp times a cosine, plus beta.",
        [.. Leading(), .. Shape(), Name()],
        arguments => new KerasLinearCosineDecay(arguments, noisy: false))
    {
        Example = "tf.LinearCosineDecay(initial_learning_rate=0.1, decay_steps=10000, num_periods=2)",
        Scale = RateScale.Absolute,
    };

    /// <summary>The catalog entry <c>tf.NoisyLinearCosineDecay(initial_learning_rate, decay_steps, initial_variance=1.0, variance_decay=0.55, ..., seed=None, name=None)</c>.</summary>
    public static ScheduleEntry NoisyEntry { get; } = new(
        "NoisyLinearCosineDecay",
        ScheduleOrigin.Keras,
        "TensorFlow's noisy linear cosine decay (absolute), with Ramp's noise fixed per (seed, step).",
        [
            .. Leading(),
            new("initial_variance", ParameterKind.Number, "the noise variance at step 0") { Default = Spec.Of(1.0), Minimum = 0 },
            new("variance_decay", ParameterKind.Number, "the variance shrinks as 1 / (1 + step)^variance_decay") { Default = Spec.Of(0.55), Minimum = 0 },
            .. Shape(),
            new("seed", ParameterKind.Integer, "selects Ramp's noise sequence (None: 0)") { Default = new SpecNone() },
            Name(),
        ],
        arguments => new KerasLinearCosineDecay(arguments, noisy: true))
    {
        Example = "tf.NoisyLinearCosineDecay(initial_learning_rate=0.1, decay_steps=10000, initial_variance=0.01, seed=3)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var noise = noisy ? LinearCosine.Noise(step, decaySteps, deviation, exponent, noiseKey) : 0.0;
        return initialRate * LinearCosine.Factor(step, decaySteps, periods, alpha, beta, noise);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    private static ParameterSpec[] Leading() =>
    [
        new("initial_learning_rate", ParameterKind.Number, "the rate scale") { Minimum = 0 },
        new("decay_steps", ParameterKind.Number, "steps of the decay") { Minimum = 0, MinimumExclusive = true },
    ];

    private static ParameterSpec[] Shape() =>
    [
        new("num_periods", ParameterKind.Number, "number of cosine periods over the decay") { Default = Spec.Of(0.5) },
        new("alpha", ParameterKind.Number, "added to the linear ramp") { Default = Spec.Of(0.0) },
        new("beta", ParameterKind.Number, "added to the result") { Default = Spec.Of(0.001) },
    ];

    private static ParameterSpec Name() => new("name", ParameterKind.Text, "TensorFlow's operation name; ignored") { Default = new SpecNone() };
}
