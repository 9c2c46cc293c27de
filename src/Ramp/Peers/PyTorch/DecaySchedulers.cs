// PyTorch's step-like and power-law schedulers (torch.optim.lr_scheduler, checked against PyTorch 1.13):
// StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR. All relative: each group's lr is
// its base lr times the factor. The optimizer argument is dropped (and last_epoch/verbose with it).
// Step origin: PyTorch's last_epoch after k calls to scheduler.step() is Ramp's step k; its test harness
// reads the lr before stepping (B), so expected[k] == Rate(k). PyTorch computes these recursively from the
// current lr; Ramp uses the closed forms, which agree with the recursion to rounding (see the fixtures).
namespace Ramp;

internal static class PyTorchDecaySchedulers
{
    public static IEnumerable<ScheduleEntry> Entries =>
    [
        new(
            "StepLR",
            ScheduleOrigin.PyTorch,
            "Multiplies each group's lr by gamma every step_size steps.",
            [
                new("step_size", ParameterKind.Integer, "period of the decay, in steps") { Minimum = 1 },
                new("gamma", ParameterKind.Number, "multiplicative factor of the decay") { Default = Spec.Of(0.1), Minimum = 0 },
            ],
            arguments => new StepSchedule(arguments.Integer("step_size"), arguments.Number("gamma")))
        {
            Example = "StepLR(step_size=30, gamma=0.1)",
            Scale = RateScale.Relative,
        },
        new(
            "MultiStepLR",
            ScheduleOrigin.PyTorch,
            "Multiplies each group's lr by gamma at each milestone; a milestone listed twice applies gamma twice.",
            [
                new("milestones", ParameterKind.IntegerList, "steps at which the lr drops (any order, repeats allowed)") { Minimum = 0 },
                new("gamma", ParameterKind.Number, "multiplicative factor of the decay") { Default = Spec.Of(0.1), Minimum = 0 },
            ],
            arguments => MultiStep(arguments.Integers("milestones"), arguments.Number("gamma")))
        {
            Example = "MultiStepLR(milestones=[30, 80], gamma=0.1)",
            Scale = RateScale.Relative,
        },
        new(
            "ConstantLR",
            ScheduleOrigin.PyTorch,
            "Multiplies each group's lr by factor for the first total_iters steps, then by 1.",
            [
                new("factor", ParameterKind.Number, "the factor until total_iters") { Default = Spec.Of(1.0 / 3), Minimum = 0, Maximum = 1 },
                new("total_iters", ParameterKind.Integer, "the number of steps at the factor") { Default = Spec.Of(5.0), Minimum = 1 },
            ],
            arguments => new PiecewiseSchedule([arguments.Integer("total_iters")], [arguments.Number("factor"), 1]))
        {
            Example = "ConstantLR(factor=0.5, total_iters=4)",
            Scale = RateScale.Relative,
        },
        new(
            "LinearLR",
            ScheduleOrigin.PyTorch,
            "Moves each group's factor linearly from start_factor to end_factor over total_iters steps.",
            [
                new("start_factor", ParameterKind.Number, "the factor at step 0") { Default = Spec.Of(1.0 / 3), Minimum = 0, MinimumExclusive = true, Maximum = 1 },
                new("end_factor", ParameterKind.Number, "the factor from total_iters on") { Default = Spec.Of(1.0), Minimum = 0, Maximum = 1 },
                new("total_iters", ParameterKind.Integer, "the length of the ramp") { Default = Spec.Of(5.0), Minimum = 1 },
            ],
            arguments => new LinearSchedule(arguments.Number("start_factor"), arguments.Number("end_factor"), arguments.Integer("total_iters")))
        {
            Example = "LinearLR(start_factor=0.1, total_iters=100)",
            Scale = RateScale.Relative,
        },
        new(
            "ExponentialLR",
            ScheduleOrigin.PyTorch,
            "Multiplies each group's lr by gamma every step.",
            [new("gamma", ParameterKind.Number, "multiplicative factor per step") { Minimum = 0 }],
            arguments => new ExponentialSchedule(arguments.Number("gamma")))
        {
            Example = "ExponentialLR(gamma=0.99)",
            Scale = RateScale.Relative,
        },
        new(
            "PolynomialLR",
            ScheduleOrigin.PyTorch,
            "Decays each group's lr to 0 as (1 - step/total_iters)^power, then holds 0.",
            [
                new("total_iters", ParameterKind.Integer, "the length of the decay") { Default = Spec.Of(5.0), Minimum = 1 },
                new("power", ParameterKind.Number, "the exponent; 1 is linear") { Default = Spec.Of(1.0), Minimum = 0 },
            ],
            arguments => new PolynomialSchedule(arguments.Integer("total_iters"), end: 0, power: arguments.Number("power")))
        {
            Example = "PolynomialLR(total_iters=100, power=2)",
            Scale = RateScale.Relative,
        },
    ];

    // PyTorch keeps the milestones in a Counter: a milestone listed k times multiplies by gamma^k, and the
    // order does not matter. Distinct milestones are Ramp's multistep; repeats become piecewise values.
    private static Schedule MultiStep(IReadOnlyList<long> milestones, double gamma)
    {
        var sorted = milestones.Order().ToArray();
        var distinct = sorted.Distinct().ToArray();
        if (distinct.Length == sorted.Length)
        {
            return new MultiStepSchedule(sorted, gamma);
        }

        var values = new double[distinct.Length + 1];
        values[0] = 1;
        for (var i = 0; i < distinct.Length; i++)
        {
            values[i + 1] = Math.Pow(gamma, sorted.Count(milestone => milestone <= distinct[i]));
        }

        return new PiecewiseSchedule(distinct, values);
    }
}
