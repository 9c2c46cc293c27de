// Hugging Face's get_inverse_sqrt_schedule (transformers.optimization), relative: a LambdaLR whose factor
// warms up from exactly 0 and then falls as the inverse square root.
// Step origin: LambdaLR's last_epoch is 0 at construction and the tests read the lr before each step (B),
// so expected[k] == Rate(k). Quirk kept: the first update has rate 0 (Ramp's inverse_sqrt starts above 0).
namespace Ramp;

/// <summary>
/// <c>step / max(1, W)</c> for <c>step &lt; W</c>, then <c>1 / sqrt((step + T - W) / T)</c>, with
/// <c>T = timescale or W or 10000</c>.
/// </summary>
internal sealed class HuggingFaceInverseSqrt(SpecCall definition, long warmupSteps, double timescale) : Schedule
{
    public static ScheduleEntry Entry { get; } = new(
        "get_inverse_sqrt_schedule",
        ScheduleOrigin.HuggingFace,
        "Linear warmup from 0 over num_warmup_steps, then 1/sqrt((step + timescale - W)/timescale).",
        [
            new("num_warmup_steps", ParameterKind.Integer, "the length of the warmup") { Minimum = 0 },
            new("timescale", ParameterKind.Number, "the decay's timescale; None for num_warmup_steps, or 10000 without warmup") { Default = new SpecNone(), Minimum = 0, MinimumExclusive = true },
        ],
        arguments =>
        {
            var warmupSteps = arguments.Integer("num_warmup_steps");
            return new HuggingFaceInverseSqrt(arguments.Canonical, warmupSteps, arguments.OptionalNumber("timescale") ?? (warmupSteps > 0 ? warmupSteps : 10_000));
        })
    {
        Example = "get_inverse_sqrt_schedule(num_warmup_steps=1000)",
        Scale = RateScale.Relative,
    };

    public override RateScale Scale => RateScale.Relative;

    public override double Rate(long step) => step < warmupSteps
        ? (double)step / Math.Max(1, warmupSteps)
        : 1 / Math.Sqrt((step + (timescale - warmupSteps)) / timescale);

    public override SpecCall ToSpec() => definition;
}
