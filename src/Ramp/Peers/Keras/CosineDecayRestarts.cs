// keras.optimizers.schedules.CosineDecayRestarts (SGDR) and TensorFlow 1's cosine_decay_restarts, which share the
// normalized name and so this entry (TF1's global_step is the step Ramp passes). Absolute rates; the value at
// optimizer iteration k (0 at the first update) is Rate(k). The floor alpha is not multiplied by m_mul, as in Keras.
// Keras's `name` is accepted and ignored; Keras computes in float32, Ramp in float64 (powers of the restart index by
// repeated multiplication, which differs from pow only in the last bits).
namespace Ramp;

/// <summary>
/// With <c>f = t / first_decay_steps</c>: restart <c>i = floor(f)</c> (t_mul = 1) or
/// <c>floor(log(1 - f (1 - t_mul)) / log(t_mul))</c>, and the fraction of the restart done
/// <c>f - i</c> or <c>(f - (1 - t_mul^i) / (1 - t_mul)) / t_mul^i</c>; the rate is
/// <c>init * ((1 - alpha) * 0.5 * m_mul^i * (1 + cos(pi * fraction)) + alpha)</c>.
/// </summary>
internal sealed class KerasCosineDecayRestarts : Schedule
{
    private readonly SpecCall definition;
    private readonly double initialRate;
    private readonly double firstDecaySteps;
    private readonly double periodMultiplier;
    private readonly double heightMultiplier;
    private readonly double alpha;
    private readonly double logPeriodMultiplier;

    private KerasCosineDecayRestarts(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        initialRate = arguments.Number("initial_learning_rate");
        firstDecaySteps = arguments.Number("first_decay_steps");
        periodMultiplier = arguments.Number("t_mul");
        heightMultiplier = arguments.Number("m_mul");
        alpha = arguments.Number("alpha");
        logPeriodMultiplier = Math.Log(periodMultiplier);
    }

    /// <summary>The catalog entry <c>keras.CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0, name=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineDecayRestarts",
        ScheduleOrigin.Keras,
        "Keras's SGDR (absolute): cosine restarts, each t_mul times longer and m_mul times higher; alpha floor.",
        [
            new("initial_learning_rate", ParameterKind.Number, "the rate at step 0") { Minimum = 0 },
            new("first_decay_steps", ParameterKind.Number, "steps of the first cycle") { Minimum = 0, MinimumExclusive = true },
            new("t_mul", ParameterKind.Number, "each cycle's length over the previous one's") { Default = Spec.Of(2.0), Minimum = 0, MinimumExclusive = true },
            new("m_mul", ParameterKind.Number, "each cycle's height over the previous one's") { Default = Spec.Of(1.0), Minimum = 0 },
            new("alpha", ParameterKind.Number, "the floor as a fraction of initial_learning_rate") { Default = Spec.Of(0.0) },
            new("name", ParameterKind.Text, "Keras's operation name; ignored") { Default = new SpecNone() },
        ],
        arguments => new KerasCosineDecayRestarts(arguments))
    {
        Example = "keras.CosineDecayRestarts(initial_learning_rate=0.001, first_decay_steps=1000, m_mul=0.9)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var fraction = step / firstDecaySteps;
        double restart;
        if (periodMultiplier == 1.0)
        {
            restart = Math.Floor(fraction);
            fraction -= restart;
        }
        else
        {
            var argument = 1.0 - (fraction * (1.0 - periodMultiplier));
            if (!(argument > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(step), step, $"CosineDecayRestarts: with t_mul={periodMultiplier} the cycles end before step {step} (Keras gives NaN there)");
            }

            restart = Math.Floor(Math.Log(argument) / logPeriodMultiplier);
            var growth = WholePower.Of(periodMultiplier, (long)restart);
            fraction = (fraction - ((1.0 - growth) / (1.0 - periodMultiplier))) / growth;
        }

        var height = WholePower.Of(heightMultiplier, (long)restart);
        var cosine = 0.5 * height * (1.0 + Math.Cos(Math.PI * fraction));
        return initialRate * (((1 - alpha) * cosine) + alpha);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
