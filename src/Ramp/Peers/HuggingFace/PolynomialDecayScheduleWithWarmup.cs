// Hugging Face transformers' get_polynomial_decay_schedule_with_warmup, a LambdaLR factor of each group's rate.
// Step mapping: the value after k calls to step() is Rate(k) (harness B). Hugging Face reads lr_init from
// optimizer.defaults["lr"]; here it is an explicit argument, and when it is None each group's own base rate
// plays its part (Rate(step, baseRate)): the rate then decays from the group's rate to lr_end exactly.
namespace Ramp;

/// <summary>
/// <c>s / max(1, W)</c> for s &lt; W; <c>lr_end / lr_init</c> for s &gt; T; otherwise
/// <c>((lr_init - lr_end) * (1 - (s - W) / (T - W))^power + lr_end) / lr_init</c>.
/// </summary>
internal sealed class HuggingFacePolynomialWithWarmup : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly long trainingSteps;
    private readonly double endRate;
    private readonly double power;
    private readonly double? initialRate;

    private HuggingFacePolynomialWithWarmup(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        warmupSteps = arguments.Integer("num_warmup_steps");
        trainingSteps = arguments.Integer("num_training_steps");
        endRate = arguments.Number("lr_end");
        power = arguments.Number("power");
        initialRate = arguments.OptionalNumber("lr_init");
        if (trainingSteps <= warmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), trainingSteps, $"num_training_steps={trainingSteps} must be greater than num_warmup_steps={warmupSteps}");
        }

        if (initialRate is { } initial && !(initial > endRate))
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), initial, $"lr_end ({endRate}) must be smaller than lr_init ({initial})");
        }
    }

    /// <summary>The catalog entry <c>transformers.get_polynomial_decay_schedule_with_warmup(..., lr_end=1e-7, power=1.0, lr_init=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_polynomial_decay_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then a polynomial decay to lr_end (absolute) at num_training_steps.",
        [
            new("num_warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 },
            new("num_training_steps", ParameterKind.Integer, "the step at which the rate reaches lr_end") { Minimum = 0 },
            new("lr_end", ParameterKind.Number, "the final rate") { Default = Spec.Of(1e-7), Minimum = 0 },
            new("power", ParameterKind.Number, "the power of the decay") { Default = Spec.Of(1.0), Minimum = 0 },
            new("lr_init", ParameterKind.Number, "Hugging Face's optimizer.defaults['lr'] (None: each group's base rate)") { Default = new SpecNone(), Minimum = 0 },
        ],
        arguments => new HuggingFacePolynomialWithWarmup(arguments))
    {
        Example = "get_polynomial_decay_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000, power=2.0)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => Rate(step, 1.0);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate)
    {
        var initial = initialRate ?? baseRate;
        if (!(initial > endRate))
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, $"lr_end ({endRate}) must be smaller than the base rate ({baseRate}) when lr_init is None");
        }

        double factor;
        if (step < warmupSteps)
        {
            factor = HuggingFaceWarmup.Linear(step, warmupSteps);
        }
        else if (step > trainingSteps)
        {
            factor = endRate / initial;
        }
        else
        {
            var remaining = 1 - ((double)(step - warmupSteps) / (trainingSteps - warmupSteps));
            factor = (((initial - endRate) * Math.Pow(remaining, power)) + endRate) / initial;
        }

        return baseRate * factor;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
