// fairseq's polynomial_decay scheduler as a closed form of num_updates (see DecaySchedulers.cs for the origin).
// Quirk kept: with warmup the rate at update 0 is exactly 0, and the warmup includes n == warmup_updates.
namespace Ramp;

/// <summary>
/// With W = warmup_updates and T = total_num_update: <c>lr · n / W</c> for <c>0 &lt; W</c> and
/// <c>n &lt;= W</c>; <c>end</c> for <c>n &gt;= T</c>; else <c>(lr - end) · (1 - (n - W) / (T - W))^power + end</c>.
/// </summary>
internal sealed class FairseqPolynomialDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupUpdates;
    private readonly double end;
    private readonly double power;
    private readonly double total;
    private readonly double lr;

    public FairseqPolynomialDecay(SpecCall definition, long warmupUpdates, double end, double power, double total, double lr)
    {
        if (total <= warmupUpdates)
        {
            throw new ArgumentException(
                $"total_num_update={SpecNumber.Format(total)} is not allowed; allowed: more than warmup_updates ({warmupUpdates})");
        }

        this.definition = definition;
        this.warmupUpdates = warmupUpdates;
        this.end = end;
        this.power = power;
        this.total = total;
        this.lr = lr;
    }

    public override RateScale Scale => RateScale.Absolute;

    public override double Rate(long step)
    {
        if (warmupUpdates > 0 && step <= warmupUpdates)
        {
            return step / (double)warmupUpdates * lr;
        }

        if (step >= total)
        {
            return end;
        }

        var remaining = 1 - ((step - warmupUpdates) / (total - warmupUpdates));
        return ((lr - end) * Math.Pow(remaining, power)) + end;
    }

    public override SpecCall ToSpec() => definition;
}
