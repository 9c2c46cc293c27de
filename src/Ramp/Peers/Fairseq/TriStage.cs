// fairseq's tri_stage learning-rate scheduler, with its config field names. Absolute: `lr` is the peak rate (a
// one-element list, as fairseq's optimization.lr). Step mapping: fairseq calls step_update(num_updates) before each
// update, starting with step_update(0), so update k runs at f(k) = Rate(k). The decay stage includes its last step
// (num_updates <= W + H + D), as fairseq's does. phase_ratio must sum to 1 within 1e-9 (fairseq compares exactly).
namespace Ramp;

/// <summary>
/// <c>init + (peak - init) / W * n</c> for n &lt; W; peak for n &lt; W + H; <c>peak * exp(-ln(1 / final_lr_scale) / D * (n - W - H))</c>
/// for n &lt;= W + H + D; then <c>final_lr_scale * peak</c>, with init = <c>init_lr_scale * peak</c>.
/// </summary>
internal sealed class FairseqTriStage : Schedule
{
    private readonly SpecCall definition;
    private readonly double peak;
    private readonly double initial;
    private readonly double final;
    private readonly long warmupSteps;
    private readonly long holdSteps;
    private readonly long decaySteps;
    private readonly double warmupRate;
    private readonly double decayFactor;

    private FairseqTriStage(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        peak = FairseqArguments.SingleRate(arguments, "tri_stage");
        initial = arguments.Number("init_lr_scale") * peak;
        final = arguments.Number("final_lr_scale") * peak;
        if (arguments.IsNone("phase_ratio"))
        {
            warmupSteps = arguments.Integer("warmup_steps");
            holdSteps = arguments.Integer("hold_steps");
            decaySteps = arguments.Integer("decay_steps");
        }
        else
        {
            var ratios = arguments.Numbers("phase_ratio");
            var maximum = arguments.OptionalInteger("max_update")
                ?? throw new ArgumentException("phase_ratio needs max_update", nameof(arguments));
            if (ratios.Count != 3 || Math.Abs(ratios[0] + ratios[1] + ratios[2] - 1) > 1e-9)
            {
                throw new ArgumentException("phase_ratio must be three fractions (warmup, hold, decay) that add up to 1", nameof(arguments));
            }

            warmupSteps = (long)(maximum * ratios[0]);
            holdSteps = (long)(maximum * ratios[1]);
            decaySteps = (long)(maximum * ratios[2]);
        }

        if (decaySteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(arguments), decaySteps, $"decay_steps={decaySteps} must be at least 1 (fairseq divides by it)");
        }

        warmupRate = warmupSteps != 0 ? (peak - initial) / warmupSteps : 0;
        decayFactor = -Math.Log(arguments.Number("final_lr_scale")) / decaySteps;
    }

    /// <summary>The catalog entry <c>fairseq.tri_stage(warmup_steps=0, hold_steps=0, decay_steps=0, phase_ratio=None, init_lr_scale=0.01, final_lr_scale=0.01, max_update=None, lr)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "tri_stage",
        ScheduleOrigin.Fairseq,
        "fairseq's tri-stage (absolute): linear warmup from init_lr_scale * lr, hold, exponential decay.",
        [
            new("warmup_steps", ParameterKind.Integer, "steps of the linear warmup") { Default = Spec.Of(0.0), Minimum = 0 },
            new("hold_steps", ParameterKind.Integer, "steps at the peak") { Default = Spec.Of(0.0), Minimum = 0 },
            new("decay_steps", ParameterKind.Integer, "steps of the exponential decay") { Default = Spec.Of(0.0), Minimum = 0 },
            new("phase_ratio", ParameterKind.NumberList, "[warmup, hold, decay] fractions of max_update (replace the step counts)") { Default = new SpecNone(), Minimum = 0, Maximum = 1 },
            new("init_lr_scale", ParameterKind.Number, "the rate at step 0 as a fraction of lr") { Default = Spec.Of(0.01), Minimum = 0 },
            new("final_lr_scale", ParameterKind.Number, "the final rate as a fraction of lr") { Default = Spec.Of(0.01), Minimum = 0, MinimumExclusive = true },
            new("max_update", ParameterKind.Integer, "total updates, for phase_ratio") { Default = new SpecNone(), Minimum = 1 },
            new("lr", ParameterKind.NumberList, "the peak rate (fairseq's one-element optimization.lr)") { Minimum = 0 },
        ],
        arguments => new FairseqTriStage(arguments))
    {
        Example = "fairseq.tri_stage(phase_ratio=[0.1, 0.4, 0.5], max_update=20000, lr=[0.0005])",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step < warmupSteps)
        {
            return initial + (warmupRate * step);
        }

        var offset = step - warmupSteps;
        if (offset < holdSteps)
        {
            return peak;
        }

        offset -= holdSteps;
        return offset <= decaySteps ? peak * Math.Exp(-decayFactor * offset) : final;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}

/// <summary>Reading fairseq's config values.</summary>
internal static class FairseqArguments
{
    /// <summary>The one rate of a scheduler that takes fairseq's <c>lr</c> list but supports a single value.</summary>
    public static double SingleRate(ScheduleArguments arguments, string scheduler)
    {
        var rates = arguments.Numbers("lr");
        return rates.Count == 1
            ? rates[0]
            : throw new ArgumentException($"lr has {rates.Count} values; {scheduler} takes one (a fixed schedule of rates is fairseq's 'fixed')", nameof(arguments));
    }
}
