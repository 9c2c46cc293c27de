// The tri-stage schedule of SpecAugment (Park et al. 2019) as fairseq implements it: linear warmup from
// `start_factor`, a hold at the base rate, exponential decay to `end_factor`, then held. Relative factor;
// step 0 is the first update.
namespace Ramp;

/// <summary>
/// With W, H, D the warmup, hold and decay steps: <c>start + (1 - start) * t / W</c> for t &lt; W; 1 for
/// t &lt; W + H; <c>end^((t - W - H) / D)</c> for t &lt; W + H + D (an exponential decay from 1 to end); then end.
/// </summary>
public sealed class TriStageSchedule : Schedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupSteps">Steps of the linear warmup, 0 or more.</param>
    /// <param name="holdSteps">Steps at the base rate, 0 or more.</param>
    /// <param name="decaySteps">Steps of the exponential decay, 0 or more.</param>
    /// <param name="startFactor">The factor at step 0, in [0, 1].</param>
    /// <param name="endFactor">The factor at the end of the decay, in (0, 1].</param>
    public TriStageSchedule(long warmupSteps, long holdSteps, long decaySteps, double startFactor = 0.01, double endFactor = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(holdSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(decaySteps);
        if (!(startFactor >= 0 && startFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), startFactor, "start_factor must be a number in [0, 1]");
        }

        if (!(endFactor > 0 && endFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(endFactor), endFactor, "end_factor must be a number in (0, 1]");
        }

        WarmupSteps = warmupSteps;
        HoldSteps = holdSteps;
        DecaySteps = decaySteps;
        StartFactor = startFactor;
        EndFactor = endFactor;
    }

    /// <summary>The catalog entry <c>tri_stage(warmup_steps, hold_steps, decay_steps, start_factor=0.01, end_factor=0.01)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "tri_stage",
        ScheduleOrigin.Ramp,
        "Linear warmup, hold at the base rate, exponential decay to an end factor (SpecAugment's tri-stage).",
        [
            new("warmup_steps", ParameterKind.Integer, "steps of the linear warmup") { Minimum = 0 },
            new("hold_steps", ParameterKind.Integer, "steps at the base rate") { Minimum = 0 },
            new("decay_steps", ParameterKind.Integer, "steps of the exponential decay") { Minimum = 0 },
            new("start_factor", ParameterKind.Number, "the factor at step 0") { Default = Spec.Of(0.01), Minimum = 0, Maximum = 1 },
            new("end_factor", ParameterKind.Number, "the factor at the end of the decay") { Default = Spec.Of(0.01), Minimum = 0, MinimumExclusive = true, Maximum = 1 },
        ],
        arguments => new TriStageSchedule(
            arguments.Integer("warmup_steps"),
            arguments.Integer("hold_steps"),
            arguments.Integer("decay_steps"),
            arguments.Number("start_factor"),
            arguments.Number("end_factor")))
    {
        Example = "tri_stage(warmup_steps=1000, hold_steps=4000, decay_steps=5000)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps of the linear warmup.</summary>
    public long WarmupSteps { get; }

    /// <summary>Steps at the base rate.</summary>
    public long HoldSteps { get; }

    /// <summary>Steps of the exponential decay.</summary>
    public long DecaySteps { get; }

    /// <summary>The factor at step 0.</summary>
    public double StartFactor { get; }

    /// <summary>The factor at the end of the decay.</summary>
    public double EndFactor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        if (step < WarmupSteps)
        {
            return StartFactor + ((1 - StartFactor) * step / WarmupSteps);
        }

        var decayed = step - WarmupSteps - HoldSteps;
        if (decayed < 0)
        {
            return 1;
        }

        return decayed < DecaySteps ? Math.Pow(EndFactor, (double)decayed / DecaySteps) : EndFactor;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "tri_stage",
        ("warmup_steps", Spec.Of(WarmupSteps)),
        ("hold_steps", Spec.Of(HoldSteps)),
        ("decay_steps", Spec.Of(DecaySteps)),
        ("start_factor", Spec.Of(StartFactor)),
        ("end_factor", Spec.Of(EndFactor)));
}
