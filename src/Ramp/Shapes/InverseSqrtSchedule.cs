// Inverse square root decay after a linear warmup, with a timescale.
// Step origin: Ramp's. The warmup gives (step+1)/W, so the first update has a non-zero rate and step W-1
// reaches 1; the decay is measured from that peak. With the default timescale W this is the Transformer
// rule (see NoamSchedule) divided by its peak: min((step+1)/W, sqrt(W/(step+1))).
namespace Ramp;

/// <summary>
/// Inverse square root decay, a relative factor. With W = warmup_steps, T = timescale and the peak step
/// <c>p = max(W - 1, 0)</c>: <c>(step + 1) / W</c> for <c>step &lt; W</c>, then
/// <c>sqrt(T / (T + step - p))</c>, which is 1 at the peak and 1/sqrt(2) at T steps after it.
/// T defaults to W (1 without warmup).
/// </summary>
public sealed class InverseSqrtSchedule : Schedule
{
    private readonly double timescale;
    private readonly long peak;

    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupSteps">The length of the linear warmup, 0 or more.</param>
    /// <param name="timescale">The number of steps after the peak at which the factor is 1/sqrt(2), more than 0; null for the warmup length (1 without warmup).</param>
    public InverseSqrtSchedule(long warmupSteps = 0, double? timescale = null)
    {
        WarmupSteps = DecayChecks.AtLeast(warmupSteps, 0, "warmup_steps");
        Timescale = timescale is { } given ? DecayChecks.Above(given, 0, "timescale") : null;
        this.timescale = Timescale ?? Math.Max(WarmupSteps, 1);
        peak = Math.Max(WarmupSteps - 1, 0);
    }

    /// <summary>The catalog entry <c>inverse_sqrt(warmup_steps=0, timescale=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "inverse_sqrt",
        ScheduleOrigin.Ramp,
        "Linear warmup to 1, then the factor falls as 1/sqrt(1 + steps since the peak / timescale).",
        [
            new("warmup_steps", ParameterKind.Integer, "the length of the linear warmup") { Default = Spec.Of(0.0), Minimum = 0 },
            new("timescale", ParameterKind.Number, "steps after the peak at which the factor is 1/sqrt(2); None for warmup_steps") { Default = new SpecNone(), Minimum = 0, MinimumExclusive = true },
        ],
        arguments => new InverseSqrtSchedule(arguments.Integer("warmup_steps"), arguments.OptionalNumber("timescale")))
    {
        Example = "inverse_sqrt(warmup_steps=4000)",
        Scale = RateScale.Relative,
    };

    /// <summary>The length of the linear warmup.</summary>
    public long WarmupSteps { get; }

    /// <summary>The timescale as given, or null for the default (the warmup length, 1 without warmup).</summary>
    public double? Timescale { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => step < WarmupSteps
        ? (step + 1.0) / WarmupSteps
        : Math.Sqrt(timescale / (timescale + (step - peak)));

    /// <inheritdoc/>
    public override SpecCall ToSpec() => Timescale is { } given
        ? new("inverse_sqrt", ("warmup_steps", Spec.Of(WarmupSteps)), ("timescale", Spec.Of(given)))
        : new("inverse_sqrt", ("warmup_steps", Spec.Of(WarmupSteps)));
}
