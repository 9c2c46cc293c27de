// optax's warmup_exponential_decay_schedule, absolute: join_schedules([linear_schedule(init -> peak over
// warmup_steps), exponential_decay(peak, ...)], [warmup_steps]); the decay's clock starts at warmup_steps.
// Step origin: schedule(count) == Rate(count), count 0 at the first update.
namespace Ramp;

internal sealed class OptaxWarmupExponentialDecay(SpecCall definition, long warmupSteps, Schedule warmup, Schedule decay) : Schedule
{
    private readonly Schedule[] children = [warmup, decay];

    public override RateScale Scale => RateScale.Absolute;

    public override IReadOnlyList<Schedule> Children => children;

    public override double Rate(long step) => step < warmupSteps ? warmup.Rate(step) : decay.Rate(step - warmupSteps);

    public override SpecCall ToSpec() => definition;
}
