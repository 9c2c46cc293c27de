// paddle.optimizer.lr.LinearWarmup(learning_rate, warmup_steps, start_lr, end_lr), an absolute schedule.
// Paddle's constructor steps once, so its epoch 0 is the first update: expected[k] is Rate(k).
//   t < W: (end_lr − start_lr)·t/W + start_lr;  t >= W: learning_rate, or the wrapped scheduler at t − W
//   (Paddle calls learning_rate.step(t − W)). The wrapped scheduler must be absolute, as Paddle's are.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class PaddleLinearWarmup : GroupedSchedule
{
    private readonly Schedule[] children;

    public PaddleLinearWarmup(Schedule? schedule, double rate, long warmupSteps, double startRate, double endRate)
    {
        if (schedule is { Scale: RateScale.Relative })
        {
            throw new ArgumentException(
                $"learning_rate={schedule.ToSpec()} is relative (a factor of a base rate); Paddle's LinearWarmup needs a number or an absolute schedule",
                nameof(schedule));
        }

        if (!(endRate > startRate))
        {
            throw new ArgumentException($"end_lr={SpecNumber.Format(endRate)} must be greater than start_lr={SpecNumber.Format(startRate)}", nameof(endRate));
        }

        Inner = schedule;
        FixedRate = rate;
        WarmupSteps = warmupSteps;
        StartRate = startRate;
        EndRate = endRate;
        children = schedule is null ? [] : [schedule];
    }

    public static ScheduleEntry Entry { get; } = new(
        "LinearWarmup",
        ScheduleOrigin.Paddle,
        "Paddle's LinearWarmup: start_lr to end_lr over warmup_steps, then a rate or a scheduler from its step 0.",
        [
            new("learning_rate", ParameterKind.NumberOrSchedule, "the rate after warmup, or an absolute scheduler started after it") { Minimum = 0 },
            new("warmup_steps", ParameterKind.Integer, "the warmup length in steps") { Minimum = 1 },
            new("start_lr", ParameterKind.Number, "the rate at step 0") { Minimum = 0 },
            new("end_lr", ParameterKind.Number, "the rate the warmup ramps towards") { Minimum = 0 },
        ],
        arguments => arguments.Value("learning_rate") is SpecNumber number
            ? new PaddleLinearWarmup(null, number.Value, arguments.Integer("warmup_steps"), arguments.Number("start_lr"), arguments.Number("end_lr"))
            : new PaddleLinearWarmup(arguments.Schedule("learning_rate"), 0, arguments.Integer("warmup_steps"), arguments.Number("start_lr"), arguments.Number("end_lr")))
    {
        Example = "paddle.LinearWarmup(learning_rate=0.5, warmup_steps=20, start_lr=0, end_lr=0.5)",
        Scale = RateScale.Absolute,
    };

    public Schedule? Inner { get; }

    public double FixedRate { get; }

    public long WarmupSteps { get; }

    public double StartRate { get; }

    public double EndRate { get; }

    public override RateScale Scale => RateScale.Absolute;

    public override IReadOnlyList<Schedule> Children => children;

    public override double Rate(long step, double baseRate, int group)
    {
        if (step < WarmupSteps)
        {
            return ((EndRate - StartRate) * step / WarmupSteps) + StartRate;
        }

        return Inner is null ? FixedRate : Inner.Rate(step - WarmupSteps, baseRate, group);
    }

    public override void Observe(long step, string metric, double value)
    {
        if (Inner is not null && step >= WarmupSteps)
        {
            Inner.Observe(step - WarmupSteps, metric, value);
        }
    }

    public override JsonNode? SaveState() => Inner?.SaveState();

    public override void LoadState(JsonNode? state) => Inner?.LoadState(state);

    public override SpecCall ToSpec() => new(
        "paddle.LinearWarmup",
        ("learning_rate", Inner is null ? Spec.Of(FixedRate) : Inner.ToSpec()),
        ("warmup_steps", Spec.Of(WarmupSteps)),
        ("start_lr", Spec.Of(StartRate)),
        ("end_lr", Spec.Of(EndRate)));
}
