// Hugging Face transformers' get_linear_schedule_with_warmup (the BERT schedule), a LambdaLR factor of each
// group's rate. Step mapping: LambdaLR's value after k calls to step() is Rate(k) (harness B).
namespace Ramp;

/// <summary><c>s / max(1, W)</c> for s &lt; W, then <c>max(0, (T - s) / max(1, T - W))</c>: 0 from step T on.</summary>
internal sealed class HuggingFaceLinearWithWarmup : Schedule
{
    private readonly SpecCall definition;
    private readonly long warmupSteps;
    private readonly long trainingSteps;

    private HuggingFaceLinearWithWarmup(SpecCall definition, long warmupSteps, long trainingSteps)
    {
        this.definition = definition;
        this.warmupSteps = warmupSteps;
        this.trainingSteps = trainingSteps;
    }

    /// <summary>The catalog entry <c>transformers.get_linear_schedule_with_warmup(num_warmup_steps, num_training_steps)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "get_linear_schedule_with_warmup",
        ScheduleOrigin.HuggingFace,
        "Hugging Face's linear warmup from 0, then a linear decay to 0 at num_training_steps (BERT).",
        [
            new("num_warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 },
            new("num_training_steps", ParameterKind.Integer, "the step at which the rate reaches 0") { Minimum = 0 },
        ],
        arguments => new HuggingFaceLinearWithWarmup(arguments.Canonical, arguments.Integer("num_warmup_steps"), arguments.Integer("num_training_steps")))
    {
        Example = "get_linear_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000)",
        Scale = RateScale.Relative,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => step < warmupSteps
        ? HuggingFaceWarmup.Linear(step, warmupSteps)
        : Math.Max(0.0, (double)(trainingSteps - step) / Math.Max(1, trainingSteps - warmupSteps));

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;
}
