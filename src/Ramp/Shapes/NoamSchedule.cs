// The Transformer rule (Vaswani et al. 2017, "Attention is all you need", section 5.3), an absolute rate:
// linear warmup for warmup_steps, then decay as the inverse square root of the step number.
// Step origin: the paper numbers updates from 1, so n = step + 1 (Ramp's step 0 is the paper's step_num 1);
// this gives the first update a non-zero rate, where counting from 0 would make it exactly 0 and waste it
// (Paddle's NoamDecay counts from 0 and does). The peak is at n = warmup_steps, i.e. step = warmup_steps - 1.
namespace Ramp;

/// <summary>
/// The Transformer (Noam) rule, absolute: <c>factor · d_model^-0.5 · min(n^-0.5, n · warmup_steps^-1.5)</c>
/// with <c>n = step + 1</c>. It rises linearly to <c>factor · (d_model · warmup_steps)^-0.5</c> at
/// <c>n = warmup_steps</c>, then falls as <c>n^-0.5</c>.
/// </summary>
public sealed class NoamSchedule : Schedule
{
    private readonly double scale;
    private readonly double warmupSlope;

    /// <summary>Creates the schedule.</summary>
    /// <param name="dModel">The model width, more than 0.</param>
    /// <param name="warmupSteps">The number of warmup steps, 1 or more.</param>
    /// <param name="factor">A multiplier of the whole rule, 0 or more.</param>
    public NoamSchedule(double dModel, long warmupSteps, double factor = 1)
    {
        DModel = DecayChecks.Above(dModel, 0, "d_model");
        WarmupSteps = DecayChecks.AtLeast(warmupSteps, 1, "warmup_steps");
        Factor = DecayChecks.AtLeast(factor, 0, "factor");
        scale = Factor * Math.Pow(DModel, -0.5);
        warmupSlope = Math.Pow(WarmupSteps, -1.5);
    }

    /// <summary>The catalog entry <c>noam(d_model, warmup_steps, factor=1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "noam",
        ScheduleOrigin.Ramp,
        "The Transformer rule: factor·d_model^-0.5·min(n^-0.5, n·warmup_steps^-1.5), n = step + 1 (an absolute rate).",
        [
            new("d_model", ParameterKind.Number, "the model width") { Minimum = 0, MinimumExclusive = true },
            new("warmup_steps", ParameterKind.Integer, "the number of warmup steps") { Minimum = 1 },
            new("factor", ParameterKind.Number, "a multiplier of the whole rule") { Default = Spec.Of(1.0), Minimum = 0 },
        ],
        arguments => new NoamSchedule(arguments.Number("d_model"), arguments.Integer("warmup_steps"), arguments.Number("factor")))
    {
        Example = "noam(d_model=512, warmup_steps=4000)",
        Scale = RateScale.Absolute,
    };

    /// <summary>The model width.</summary>
    public double DModel { get; }

    /// <summary>The number of warmup steps.</summary>
    public long WarmupSteps { get; }

    /// <summary>A multiplier of the whole rule.</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var n = step + 1.0;
        return scale * Math.Min(1 / Math.Sqrt(n), n * warmupSlope);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
        => new("noam", ("d_model", Spec.Of(DModel)), ("warmup_steps", Spec.Of(WarmupSteps)), ("factor", Spec.Of(Factor)));
}
