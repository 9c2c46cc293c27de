// fairseq's inverse_sqrt scheduler as a closed form of num_updates (see DecaySchedulers.cs for the origin).
namespace Ramp;

/// <summary>
/// With W = warmup_updates and init = warmup_init_lr (0 when negative): <c>init + n · (lr - init) / W</c>
/// for <c>n &lt; W</c>, then <c>lr · sqrt(W) · n^-0.5</c>.
/// </summary>
internal sealed class FairseqInverseSqrt : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupUpdates;
    private readonly double init;
    private readonly double warmupIncrement;
    private readonly double decayFactor;

    public FairseqInverseSqrt(SpecCall definition, long warmupUpdates, double warmupInitLr, double lr)
    {
        this.definition = definition;
        this.warmupUpdates = warmupUpdates;
        init = warmupInitLr < 0 ? 0 : warmupInitLr;
        warmupIncrement = (lr - init) / warmupUpdates;
        decayFactor = lr * Math.Sqrt(warmupUpdates);
    }

    public override RateScale Scale => RateScale.Absolute;

    public override double Rate(long step) => step < warmupUpdates
        ? init + (step * warmupIncrement)
        : decayFactor / Math.Sqrt(step);

    public override SpecCall ToSpec() => definition;
}
