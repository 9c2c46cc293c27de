// optax's exponential_decay, absolute.
// Step origin: schedule(count) == Rate(count), count 0 at the first update.
// Quirks kept: transition_steps <= 0 or decay_rate == 0 give the constant init_value; the rate holds at
// init_value until transition_begin; end_value clips every value, the initial one included, from below when
// decay_rate < 1 and from above otherwise.
namespace Ramp;

/// <summary>
/// <c>init · rate^p</c> with <c>p = (count - begin) / steps</c> (floored with staircase) once
/// <c>count &gt; begin</c>, <c>init</c> before; then clipped at <c>end</c> when one is given.
/// </summary>
internal sealed class OptaxExponentialDecay : Schedule
{
    private readonly SpecCall definition;
    private readonly double init;
    private readonly long steps;
    private readonly double rate;
    private readonly long begin;
    private readonly bool staircase;
    private readonly double? end;
    private readonly bool constant;
    private readonly double logRate;

    public OptaxExponentialDecay(SpecCall definition, double init, long steps, double rate, long begin, bool staircase, double? end)
    {
        this.definition = definition;
        this.init = init;
        this.steps = steps;
        this.rate = rate;
        this.begin = begin;
        this.staircase = staircase;
        this.end = end;
        constant = steps <= 0 || rate == 0;
        logRate = Math.Log(rate);
    }

    public override RateScale Scale => RateScale.Absolute;

    public override double Rate(long step)
    {
        if (constant)
        {
            return init;
        }

        var elapsed = step - begin;
        var exponent = (double)elapsed / steps;
        // rate^p as exp(p·ln rate), faster than Math.Pow; rate > 0 here.
        var value = elapsed <= 0 ? init : init * DecayMath.Exp((staircase ? Math.Floor(exponent) : exponent) * logRate);
        return end is not { } bound ? value : rate < 1 ? Math.Max(value, bound) : Math.Min(value, bound);
    }

    public override SpecCall ToSpec() => definition;
}
