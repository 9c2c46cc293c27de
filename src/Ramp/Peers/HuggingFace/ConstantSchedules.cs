// Hugging Face transformers' get_constant_schedule and get_constant_schedule_with_warmup (LambdaLR factors of
// each group's rate). Step mapping: LambdaLR's value after k calls to step() is Rate(k) (harness B). The warmup
// starts at 0, as Hugging Face's does.
namespace Ramp;

/// <summary><c>s / max(1, W)</c> for s &lt; W, then 1.</summary>
internal sealed class HuggingFaceConstantWithWarmup : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;

    private HuggingFaceConstantWithWarmup(SpecCall definition, long warmupSteps)
    {
        this.definition = definition;
        this.warmupSteps = warmupSteps;
    }

    /// <summary>The catalog entry <c>transformers.get_constant_schedule()</c>, computed by <see cref="ConstantSchedule"/>.</summary>
    public static ScheduleEntry ConstantEntry { get; } = new(
        "get_constant_schedule",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's constant schedule: the group's rate at every step.",
        [],
        _ => new ConstantSchedule(1))
    {
        Example = "get_constant_schedule()",
        Scale = RateScale.Relative,
    };

    /// <summary>The catalog entry <c>transformers.get_constant_schedule_with_warmup(num_warmup_steps)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_constant_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then the group's rate.",
        [new("num_warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 }],
        arguments => new HuggingFaceConstantWithWarmup(arguments.Canonical, arguments.Integer("num_warmup_steps")))
    {
        Example = "get_constant_schedule_with_warmup(num_warmup_steps=500)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => step < warmupSteps ? HuggingFaceWarmup.Linear(step, warmupSteps) : 1.0;

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}

/// <summary>The warmup most Hugging Face schedules share.</summary>
internal static class HuggingFaceWarmup
{
    /// <summary><c>s / max(1, W)</c>: 0 at step 0.</summary>
    public static double Linear(long step, long warmupSteps) => (double)step / Math.Max(1, warmupSteps);
}
