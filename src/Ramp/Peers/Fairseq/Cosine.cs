// fairseq's cosine learning-rate scheduler (SGDR with t_mult and lr_shrink), with its config field names.
// Absolute: `lr` is the peak (a one-element list). Step mapping: fairseq calls step_update(num_updates) before each
// update, starting with step_update(0), so update k runs at f(k) = Rate(k). Cycles restart forever; lr_shrink
// shrinks both the peak and min_lr of each cycle. warmup_init_lr < 0 means min_lr; lr_period_updates <= 0 means
// max_update - warmup_updates.
namespace Ramp;

/// <summary>
/// <c>warmup_init_lr + n * (lr - warmup_init_lr) / W</c> for n &lt; W; then, in cycle i of length t_i at t_curr (timm's
/// cycle arithmetic on n - W), <c>min_lr * s + 0.5 * (lr * s - min_lr * s) * (1 + cos(pi * t_curr / t_i))</c> with
/// <c>s = lr_shrink^i</c>.
/// </summary>
internal sealed class FairseqCosine : Schedule
{
    private readonly SpecCall definition;
    private readonly double maximum;
    private readonly double minimum;
    private readonly double warmupStart;
    private readonly long warmupUpdates;
    private readonly double warmupStep;
    private readonly double multiplier;
    private readonly double logMultiplier;
    private readonly double period;
    private readonly double shrink;

    private FairseqCosine(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        maximum = FairseqArguments.SingleRate(arguments, "cosine");
        minimum = arguments.Number("min_lr");
        if (!(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), maximum, $"lr ({maximum}) must be more than min_lr ({minimum})");
        }

        var start = arguments.Number("warmup_init_lr");
        warmupStart = start < 0 ? minimum : start;
        multiplier = arguments.Number("t_mult");
        logMultiplier = Math.Log(multiplier);
        warmupUpdates = arguments.Integer("warmup_updates");
        period = arguments.Number("lr_period_updates");
        if (period <= 0)
        {
            var total = arguments.OptionalInteger("max_update")
                ?? throw new ArgumentException("give lr_period_updates or max_update", nameof(arguments));
            period = total - warmupUpdates;
            if (period <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(arguments), total, $"max_update={total} leaves no steps after warmup_updates={warmupUpdates}");
            }
        }

        warmupStep = warmupUpdates > 0 ? (maximum - warmupStart) / warmupUpdates : 1;
        shrink = arguments.Number("lr_shrink");
    }

    /// <summary>The catalog entry <c>fairseq.cosine(warmup_updates=0, warmup_init_lr=-1, lr, min_lr=0, t_mult=1, lr_period_updates=-1, lr_shrink=0.1, max_update=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "cosine",
        ScheduleOrigin.Fairseq,
        "fairseq's cosine (absolute): warmup, then cosine cycles growing by t_mult and shrinking by lr_shrink.",
        [
            new("warmup_updates", ParameterKind.Integer, "steps of the linear warmup") { Default = Spec.Of(0.0), Minimum = 0 },
            new("warmup_init_lr", ParameterKind.Number, "the rate at step 0 of the warmup (< 0: min_lr)") { Default = Spec.Of(-1.0) },
            new("lr", ParameterKind.NumberList, "the peak rate (fairseq's one-element optimization.lr)") { Minimum = 0 },
            new("min_lr", ParameterKind.Number, "the minimum rate of the first cycle") { Default = Spec.Of(0.0), Minimum = 0 },
            new("t_mult", ParameterKind.Number, "each cycle's length over the previous one's") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
            new("lr_period_updates", ParameterKind.Number, "length of the first cycle (<= 0: max_update - warmup_updates)") { Default = Spec.Of(-1.0) },
            new("lr_shrink", ParameterKind.Number, "each cycle's rates over the previous one's") { Default = Spec.Of(0.1), Minimum = 0 },
            new("max_update", ParameterKind.Integer, "total updates, for the default period") { Default = new SpecNone(), Minimum = 1 },
        ],
        arguments => new FairseqCosine(arguments))
    {
        Example = "fairseq.cosine(warmup_updates=1000, lr=[0.0005], min_lr=1e-6, lr_period_updates=9000, t_mult=2, lr_shrink=0.5)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step < warmupUpdates)
        {
            return warmupStart + (step * warmupStep);
        }

        var (cycle, length, position) = TimmCycles.Locate(step - warmupUpdates, period, multiplier, logMultiplier);
        var factor = Math.Pow(shrink, cycle);
        var low = minimum * factor;
        var high = maximum * factor;
        return low + (0.5 * (high - low) * (1 + Math.Cos(Math.PI * position / length)));
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
