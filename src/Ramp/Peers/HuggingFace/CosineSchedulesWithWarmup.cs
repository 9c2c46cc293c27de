// Hugging Face transformers' cosine schedules with warmup: get_cosine_schedule_with_warmup (which rises again
// past num_training_steps: max(0, .) does not clamp a cosine on its way back up; reproduced),
// get_cosine_with_hard_restarts_schedule_with_warmup, get_cosine_with_min_lr_schedule_with_warmup and its
// _lr_rate variant. LambdaLR factors of each group's rate; the value after k calls to step() is Rate(k) (harness B).
// Hugging Face turns min_lr into a ratio with optimizer.defaults["lr"]; Ramp divides by each group's own base
// rate (Rate(step, baseRate)), which is the same for a single group and keeps min_lr absolute for every group.
namespace Ramp;

/// <summary>
/// After a warmup of W steps and with <c>p = (s - W) / max(1, T - W)</c>: <c>max(0, 0.5 * (1 + cos(pi * c * 2 * p)))</c>
/// (cosine), or 0 for p &gt;= 1 and <c>max(0, 0.5 * (1 + cos(pi * ((c * p) mod 1))))</c> (hard restarts).
/// </summary>
internal sealed class HuggingFaceCosineWithWarmup : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly long trainingSteps;
    private readonly double cycles;
    private readonly bool hardRestarts;

    private HuggingFaceCosineWithWarmup(SpecCall definition, long warmupSteps, long trainingSteps, double cycles, bool hardRestarts)
    {
        this.definition = definition;
        this.warmupSteps = warmupSteps;
        this.trainingSteps = trainingSteps;
        this.cycles = cycles;
        this.hardRestarts = hardRestarts;
    }

    /// <summary>The catalog entry <c>transformers.get_cosine_schedule_with_warmup(num_warmup_steps, num_training_steps, num_cycles=0.5)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_cosine_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then a cosine to 0 at num_training_steps (rising again after it).",
        Parameters(0.5),
        arguments => new HuggingFaceCosineWithWarmup(
            arguments.Canonical,
            arguments.Integer("num_warmup_steps"),
            arguments.Integer("num_training_steps"),
            arguments.Number("num_cycles"),
            hardRestarts: false))
    {
        Example = "get_cosine_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000)",
        Scale = RateScale.Relative,
    };

    /// <summary>The catalog entry <c>transformers.get_cosine_with_hard_restarts_schedule_with_warmup(..., num_cycles=1)</c>.</summary>
    public static ScheduleEntry HardRestartsEntry { get; } = new(
        "get_cosine_with_hard_restarts_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then num_cycles cosine cycles restarting at the rate; 0 after.",
        Parameters(1),
        arguments => new HuggingFaceCosineWithWarmup(
            arguments.Canonical,
            arguments.Integer("num_warmup_steps"),
            arguments.Integer("num_training_steps"),
            arguments.Number("num_cycles"),
            hardRestarts: true))
    {
        Example = "get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000, num_cycles=3)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step < warmupSteps)
        {
            return HuggingFaceWarmup.Linear(step, warmupSteps);
        }

        var progress = (double)(step - warmupSteps) / Math.Max(1, trainingSteps - warmupSteps);
        if (!hardRestarts)
        {
            return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress)));
        }

        return progress >= 1.0 ? 0.0 : Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * (cycles * progress % 1.0))));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    /// <summary>num_warmup_steps, num_training_steps and num_cycles with its default.</summary>
    internal static ParameterSpec[] Parameters(double cycles) =>
    [
        new("num_warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 },
        new("num_training_steps", ParameterKind.Integer, "the step at which the cosine reaches its end") { Minimum = 0 },
        new("num_cycles", ParameterKind.Number, "number of cosine waves (0.5: one half cosine down)") { Default = Spec.Of(cycles), Minimum = 0 },
    ];
}

/// <summary>
/// <c>max(0, v * (1 - r) + r)</c> after the warmup, with v the cosine of <see cref="HuggingFaceCosineWithWarmup"/> and
/// r = <c>min_lr_rate</c> or <c>min_lr / base</c>. The <c>_lr_rate</c> variant warms up from <c>(s + 1) / max(1, W)</c>
/// (or from <c>warmup_lr_rate</c> along <c>s / max(1, W - 1)</c>) and measures progress from <c>s - W + 1</c>.
/// </summary>
internal sealed class HuggingFaceCosineWithMinimum : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly long trainingSteps;
    private readonly double cycles;
    private readonly double? minimumRate;
    private readonly double? minimumRatio;
    private readonly bool rateVariant;
    private readonly double? warmupRatio;

    private HuggingFaceCosineWithMinimum(ScheduleArguments arguments, bool rateVariant)
    {
        definition = arguments.Canonical;
        warmupSteps = arguments.Integer("num_warmup_steps");
        trainingSteps = arguments.Integer("num_training_steps");
        cycles = arguments.Number("num_cycles");
        minimumRate = arguments.OptionalNumber("min_lr");
        minimumRatio = arguments.OptionalNumber("min_lr_rate");
        if (minimumRate is not null && minimumRatio is not null)
        {
            throw new ArgumentException("give only one of min_lr and min_lr_rate", nameof(arguments));
        }

        if (minimumRate is null && minimumRatio is null)
        {
            throw new ArgumentException("give one of min_lr (absolute) or min_lr_rate (a fraction of the rate)", nameof(arguments));
        }

        this.rateVariant = rateVariant;
        warmupRatio = rateVariant ? arguments.OptionalNumber("warmup_lr_rate") : null;
    }

    /// <summary>The catalog entry <c>transformers.get_cosine_with_min_lr_schedule_with_warmup(..., min_lr=None, min_lr_rate=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_cosine_with_min_lr_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then a cosine down to min_lr (absolute) or min_lr_rate (relative).",
        [.. HuggingFaceCosineWithWarmup.Parameters(0.5), .. MinimumParameters()],
        arguments => new HuggingFaceCosineWithMinimum(arguments, rateVariant: false))
    {
        Example = "get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000, min_lr_rate=0.1)",
        Scale = RateScale.Relative,
    };

    /// <summary>The catalog entry <c>transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(..., warmup_lr_rate=None)</c>.</summary>
    public static ScheduleEntry RateEntry { get; } = new(
        "get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's cosine to a minimum whose warmup starts above 0 ((s + 1) / W, or from warmup_lr_rate).",
        [
            .. HuggingFaceCosineWithWarmup.Parameters(0.5),
            .. MinimumParameters(),
            new("warmup_lr_rate", ParameterKind.Number, "the factor at step 0 (None: 1 / num_warmup_steps)") { Default = new SpecNone(), Minimum = 0, Maximum = 1 },
        ],
        arguments => new HuggingFaceCosineWithMinimum(arguments, rateVariant: true))
    {
        Example = "get_cosine_with_min_lr_schedule_with_warmup_lr_rate(num_warmup_steps=500, num_training_steps=10000, min_lr_rate=0.1)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => Rate(step, 1.0);

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate)
    {
        double factor;
        if (step < warmupSteps)
        {
            factor = !rateVariant
                ? HuggingFaceWarmup.Linear(step, warmupSteps)
                : warmupRatio is { } start
                    ? start + ((1.0 - start) * step / Math.Max(1, warmupSteps - 1))
                    : (step + 1.0) / Math.Max(1.0, warmupSteps);
            return baseRate * factor;
        }

        var progress = rateVariant
            ? (step - warmupSteps + 1.0) / Math.Max(1.0, trainingSteps - warmupSteps)
            : (double)(step - warmupSteps) / Math.Max(1, trainingSteps - warmupSteps);
        var ratio = minimumRatio ?? (minimumRate!.Value / baseRate);
        factor = 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress));
        return baseRate * Math.Max(0, (factor * (1 - ratio)) + ratio);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    private static ParameterSpec[] MinimumParameters() =>
    [
        new("min_lr", ParameterKind.Number, "the absolute minimum rate") { Default = new SpecNone(), Minimum = 0 },
        new("min_lr_rate", ParameterKind.Number, "the minimum as a fraction of the rate") { Default = new SpecNone(), Minimum = 0 },
    ];
}
