// PaddlePaddle's decay schedulers (paddle.optimizer.lr): NoamDecay, PiecewiseDecay, NaturalExpDecay,
// InverseTimeDecay, PolynomialDecay, ExponentialDecay, MultiStepDecay, StepDecay. All absolute: Paddle's
// scheduler is the optimizer's learning rate, and `learning_rate` (the first argument) is the rate itself.
// Step origin: the constructor steps once, so last_epoch is 0 at the first update, and Paddle's tests read
// the lr before scheduler.step() (B): expected[epoch] == Rate(epoch).
// Validation is Paddle's (gamma < 1 for the step decays, power > 0, ...) plus the checks Paddle skips
// (strictly increasing boundaries, exactly one more value than boundaries).
namespace Ramp;

internal static class PaddleDecaySchedulers
{
    public static IEnumerable<ScheduleEntry> Entries =>
    [
        PaddleNoamDecay.Entry,
        new(
            "PiecewiseDecay",
            ScheduleOrigin.Paddle,
            "values[i] for the first i with step < boundaries[i], else the last value.",
            [
                new("boundaries", ParameterKind.IntegerList, "steps at which the next value takes over, strictly increasing") { Minimum = 0 },
                new("values", ParameterKind.NumberList, "the rates, one more than the boundaries") { Minimum = 0 },
            ],
            arguments => new AbsoluteShape(arguments.Canonical, 1, new PiecewiseSchedule(arguments.Integers("boundaries"), arguments.Numbers("values"))))
        {
            Example = "PiecewiseDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])",
            Scale = RateScale.Absolute,
        },
        new(
            "NaturalExpDecay",
            ScheduleOrigin.Paddle,
            "learning_rate · exp(-gamma · step).",
            [LearningRate(), new("gamma", ParameterKind.Number, "the decay constant per step") { Minimum = 0, MinimumExclusive = true }],
            arguments => new AbsoluteShape(arguments.Canonical, arguments.Number("learning_rate"), new NaturalExponentialSchedule(arguments.Number("gamma"))))
        {
            Example = "paddle.NaturalExpDecay(learning_rate=0.5, gamma=0.1)",
            Scale = RateScale.Absolute,
        },
        new(
            "InverseTimeDecay",
            ScheduleOrigin.Paddle,
            "learning_rate / (1 + gamma · step).",
            [LearningRate(), new("gamma", ParameterKind.Number, "how fast the rate falls per step") { Minimum = 0 }],
            arguments => new AbsoluteShape(arguments.Canonical, arguments.Number("learning_rate"), new InverseTimeSchedule(arguments.Number("gamma"))))
        {
            Example = "paddle.InverseTimeDecay(learning_rate=0.5, gamma=0.1)",
            Scale = RateScale.Absolute,
        },
        new(
            "PolynomialDecay",
            ScheduleOrigin.Paddle,
            "(learning_rate - end_lr) · (1 - step/decay_steps)^power + end_lr; cycle as TensorFlow.",
            [
                LearningRate(),
                new("decay_steps", ParameterKind.Integer, "the length of the decay") { Minimum = 1 },
                new("end_lr", ParameterKind.Number, "the rate at the end of the decay") { Default = Spec.Of(0.0001), Minimum = 0 },
                new("power", ParameterKind.Number, "the exponent; 1 is linear") { Default = Spec.Of(1.0), Minimum = 0, MinimumExclusive = true },
                new("cycle", ParameterKind.Boolean, "restart past decay_steps with the horizon ceil(step/decay_steps)·decay_steps") { Default = Spec.Of(false) },
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                1,
                new PolynomialSchedule(
                    arguments.Integer("decay_steps"),
                    arguments.Number("end_lr"),
                    arguments.Number("power"),
                    arguments.Boolean("cycle"),
                    arguments.Number("learning_rate"))))
        {
            Example = "paddle.PolynomialDecay(learning_rate=0.5, decay_steps=20, end_lr=0.0)",
            Scale = RateScale.Absolute,
        },
        new(
            "ExponentialDecay",
            ScheduleOrigin.Paddle,
            "learning_rate · gamma^step.",
            [LearningRate(), new("gamma", ParameterKind.Number, "the factor per step") { Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true }],
            arguments => new AbsoluteShape(arguments.Canonical, arguments.Number("learning_rate"), new ExponentialSchedule(arguments.Number("gamma"))))
        {
            Example = "paddle.ExponentialDecay(learning_rate=0.5, gamma=0.9)",
            Scale = RateScale.Absolute,
        },
        new(
            "MultiStepDecay",
            ScheduleOrigin.Paddle,
            "learning_rate · gamma^i, i = the number of milestones <= step.",
            [
                LearningRate(),
                new("milestones", ParameterKind.IntegerList, "steps at which the rate drops, strictly increasing") { Minimum = 0 },
                Gamma(),
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                arguments.Number("learning_rate"),
                new MultiStepSchedule(arguments.Integers("milestones"), arguments.Number("gamma"))))
        {
            Example = "MultiStepDecay(learning_rate=0.5, milestones=[30, 50], gamma=0.1)",
            Scale = RateScale.Absolute,
        },
        new(
            "StepDecay",
            ScheduleOrigin.Paddle,
            "learning_rate · gamma^(step // step_size).",
            [
                LearningRate(),
                new("step_size", ParameterKind.Integer, "steps between two drops") { Minimum = 1 },
                Gamma(),
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                arguments.Number("learning_rate"),
                new StepSchedule(arguments.Integer("step_size"), arguments.Number("gamma"))))
        {
            Example = "StepDecay(learning_rate=0.5, step_size=30, gamma=0.1)",
            Scale = RateScale.Absolute,
        },
    ];

    internal static ParameterSpec LearningRate() => new("learning_rate", ParameterKind.Number, "the rate at step 0") { Minimum = 0 };

    private static ParameterSpec Gamma() => new("gamma", ParameterKind.Number, "the factor per drop, less than 1")
    {
        Default = Spec.Of(0.1),
        Minimum = 0,
        Maximum = 1,
        MaximumExclusive = true,
    };
}
