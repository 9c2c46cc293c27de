// Paddle's NoamDecay, absolute: the Transformer rule counted from 0, so the first update gets exactly 0.
// Step origin: Paddle's last_epoch is 0 at the first update (expected[epoch] == Rate(epoch)). Ramp's own
// noam counts from 1 (n = step + 1) and gives the first update a non-zero rate; this entry keeps Paddle's.
namespace Ramp;

/// <summary>
/// <c>learning_rate · d_model^-0.5 · min(a, step · warmup_steps^-1.5)</c> with <c>a = step^-0.5</c>, and
/// <c>a = 1</c> at step 0 (so step 0 gives 0).
/// </summary>
internal sealed class PaddleNoamDecay(SpecCall definition, double dModel, long warmupSteps, double learningRate) : Schedule
{
    private readonly double scale = learningRate * Math.Pow(dModel, -0.5);
    private readonly double warmupSlope = Math.Pow(warmupSteps, -1.5);

    public static ScheduleEntry Entry { get; } = new(
        "NoamDecay",
        ScheduleOrigin.Paddle,
        "learning_rate·d_model^-0.5·min(step^-0.5, step·warmup_steps^-1.5), counted from step 0 (rate 0 at step 0).",
        [
            new("d_model", ParameterKind.Number, "the model width") { Minimum = 0, MinimumExclusive = true },
            new("warmup_steps", ParameterKind.Integer, "the number of warmup steps") { Minimum = 1 },
            new("learning_rate", ParameterKind.Number, "a multiplier of the whole rule") { Default = Spec.Of(1.0), Minimum = 0 },
        ],
        arguments => new PaddleNoamDecay(
            arguments.Canonical,
            arguments.Number("d_model"),
            arguments.Integer("warmup_steps"),
            arguments.Number("learning_rate")))
    {
        Example = "NoamDecay(d_model=512, warmup_steps=4000)",
        Scale = RateScale.Absolute,
    };

    public override RateScale Scale => RateScale.Absolute;

    public override double Rate(long step)
    {
        var decay = step == 0 ? 1 : 1 / Math.Sqrt(step);
        return scale * Math.Min(decay, warmupSlope * step);
    }

    public override SpecCall ToSpec() => definition;
}
