// paddle.optimizer.lr.CosineAnnealingWarmRestarts: PyTorch's SGDR with an absolute learning_rate. Step mapping:
// the value after k calls to step() is Rate(k) (harness B); fractional epochs have no counterpart in Ramp.
namespace Ramp;

internal static class PaddleCosineAnnealingWarmRestarts
{
    /// <summary>The catalog entry <c>paddle.CosineAnnealingWarmRestarts(learning_rate, T_0, T_mult=1, eta_min=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineAnnealingWarmRestarts",
        ScheduleOrigin.Paddle,
        "Paddle's SGDR (absolute): cosine cycles of T_0 * T_mult^i steps restarting at learning_rate.",
        [new("learning_rate", ParameterKind.Number, "the rate at the top of every cycle") { Minimum = 0 }, .. WarmRestartsSchedule.Parameters],
        arguments => new WarmRestartsSchedule(
            arguments.Canonical,
            arguments.Integer("T_0"),
            arguments.Integer("T_mult"),
            arguments.Number("eta_min"),
            arguments.Number("learning_rate")))
    {
        Example = "paddle.CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=1000, T_mult=2)",
        Scale = RateScale.Absolute,
    };
}
