// Hugging Face transformers' get_wsd_schedule (warmup, stable, decay), a LambdaLR factor of each group's rate.
// Step mapping: the value after k calls to step() is Rate(k) (harness B). Hugging Face's floor policy: the warmup
// starts at min_lr_ratio and every decay type ends at it. kozistr/pytorch_optimizer's get_wsd_schedule floors only
// its cosine cooldown: that policy is the native warmup_stable_decay(..., floor_policy='cosine_only').
namespace Ramp;

/// <summary>
/// For s &lt; W: <c>max(0, w(s / max(1, W)) * (1 - m) + m)</c> with w = p, <c>0.5 * (1 - cos(pi p))</c> or
/// <c>1 - sqrt(1 - p)</c>; 1 for s &lt; W + S; for s &lt; W + S + D: <c>max(0, d(p) * (1 - m) + m)</c> with
/// <c>p = (s - W - S) / max(1, D)</c> and d = <c>1 - p</c>, <c>0.5 * (1 + cos(pi * c * 2 * p))</c> or <c>1 - sqrt(p)</c>; then m.
/// </summary>
internal sealed class HuggingFaceWsd : Schedule
{
    private static readonly string[] Types = ["linear", "cosine", "1-sqrt"];

    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly long stableSteps;
    private readonly long decaySteps;
    private readonly string warmupType;
    private readonly string decayType;
    private readonly double minimumRatio;
    private readonly double cycles;

    private HuggingFaceWsd(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        warmupSteps = arguments.Integer("num_warmup_steps");
        decaySteps = arguments.Integer("num_decay_steps");
        stableSteps = arguments.OptionalInteger("num_stable_steps")
            ?? (arguments.OptionalInteger("num_training_steps") is { } total
                ? total - warmupSteps - decaySteps
                : throw new ArgumentException("give num_training_steps or num_stable_steps", nameof(arguments)));
        if (stableSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), stableSteps, $"num_training_steps leaves {stableSteps} stable steps after num_warmup_steps and num_decay_steps; it must be at least their sum");
        }

        warmupType = arguments.Text("warmup_type");
        decayType = arguments.Text("decay_type");
        minimumRatio = arguments.Number("min_lr_ratio");
        cycles = arguments.Number("num_cycles");
    }

    /// <summary>The catalog entry <c>transformers.get_wsd_schedule(num_warmup_steps, num_decay_steps, num_training_steps=None, num_stable_steps=None, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_wsd_schedule",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's warmup-stable-decay: warmup from min_lr_ratio, stable, decay back to min_lr_ratio.",
        [
            new("num_warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 },
            new("num_decay_steps", ParameterKind.Integer, "steps of the decay") { Minimum = 0 },
            new("num_training_steps", ParameterKind.Integer, "total steps; the stable phase takes what the others leave") { Default = new SpecNone(), Minimum = 0 },
            new("num_stable_steps", ParameterKind.Integer, "steps of the stable phase (wins over num_training_steps)") { Default = new SpecNone(), Minimum = 0 },
            new("warmup_type", ParameterKind.Text, "the warmup shape") { Default = Spec.Of("linear"), Choices = Types },
            new("decay_type", ParameterKind.Text, "the decay shape") { Default = Spec.Of("cosine"), Choices = Types },
            new("min_lr_ratio", ParameterKind.Number, "the floor as a fraction of the rate") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
            new("num_cycles", ParameterKind.Number, "cosine waves of the cosine decay (0.5: one half cosine)") { Default = Spec.Of(0.5), Minimum = 0 },
        ],
        arguments => new HuggingFaceWsd(arguments))
    {
        Example = "get_wsd_schedule(num_warmup_steps=500, num_decay_steps=2000, num_training_steps=10000, decay_type='1-sqrt')",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        double factor;
        if (step < warmupSteps)
        {
            var progress = (double)step / Math.Max(1, warmupSteps);
            factor = warmupType switch
            {
                "cosine" => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
                "1-sqrt" => 1.0 - Math.Sqrt(1.0 - progress),
                _ => progress,
            };
            return Math.Max(0.0, (factor * (1.0 - minimumRatio)) + minimumRatio);
        }

        if (step < warmupSteps + stableSteps)
        {
            return 1.0;
        }

        if (step < warmupSteps + stableSteps + decaySteps)
        {
            var progress = (double)(step - warmupSteps - stableSteps) / Math.Max(1, decaySteps);
            factor = decayType switch
            {
                "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress)),
                "1-sqrt" => 1.0 - Math.Sqrt(progress),
                _ => 1.0 - progress,
            };
            return Math.Max(0.0, (factor * (1.0 - minimumRatio)) + minimumRatio);
        }

        return minimumRatio;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
