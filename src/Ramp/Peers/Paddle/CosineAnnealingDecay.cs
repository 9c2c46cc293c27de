// paddle.optimizer.lr.CosineAnnealingDecay: PyTorch's periodic cosine with an absolute learning_rate. Step
// mapping: the value after k calls to step() is Rate(k) (Paddle's tests read the rate before step(): harness B).
// Paddle recurses like PyTorch; the closed form is used (PeriodicCosineSchedule), which its tests also compare to.
namespace Ramp;

internal static class PaddleCosineAnnealingDecay
{
    /// <summary>The catalog entry <c>paddle.CosineAnnealingDecay(learning_rate, T_max, eta_min=0)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "CosineAnnealingDecay",
        ScheduleOrigin.Paddle,
        "Paddle's cosine annealing (absolute): periodic, back at learning_rate after 2 T_max.",
        [
            new("learning_rate", ParameterKind.Number, "the rate at step 0") { Minimum = 0 },
            new("T_max", ParameterKind.Integer, "half period in steps") { Minimum = 1 },
            new("eta_min", ParameterKind.Number, "the minimum rate") { Default = Spec.Of(0.0), Minimum = 0 },
        ],
        arguments => new PeriodicCosineSchedule(arguments.Canonical, arguments.Integer("T_max"), arguments.Number("eta_min"), arguments.Number("learning_rate")))
    {
        Example = "paddle.CosineAnnealingDecay(learning_rate=0.1, T_max=10000)",
        Scale = RateScale.Absolute,
    };
}
