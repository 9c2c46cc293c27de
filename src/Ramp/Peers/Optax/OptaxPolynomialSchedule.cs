// optax's polynomial_schedule (and linear_schedule, warmup_constant_schedule built on it), absolute.
// Step origin: optax's count is 0 at the first update, so schedule(count) == Rate(count).
// Quirks kept: transition_steps <= 0 gives the constant init_value (optax logs and returns a constant).
namespace Ramp;

/// <summary>
/// <c>init</c> for <c>count &lt; begin</c>, then <c>(init - end) · (1 - c / steps)^power + end</c> with
/// <c>c = clip(count - begin, 0, steps)</c>, then <c>end</c>.
/// </summary>
internal sealed class OptaxPolynomialSchedule(SpecCall definition, double init, double end, double power, long steps, long begin) : Schedule
{
    public override RateScale Scale => RateScale.Absolute;

    public override double Rate(long step)
    {
        if (steps <= 0)
        {
            return init;
        }

        var count = Math.Clamp(step - begin, 0, steps);
        return ((init - end) * Math.Pow(1 - ((double)count / steps), power)) + end;
    }

    public override SpecCall ToSpec() => definition;
}
