// Keras 3 decay schedules (keras.optimizers.schedules): ExponentialDecay, PiecewiseConstantDecay,
// PolynomialDecay, InverseTimeDecay. All absolute: the value is the learning rate.
// TF1's functions (tf.compat.v1.train.exponential_decay, polynomial_decay, inverse_time_decay) resolve to
// these entries, since their names match ignoring underscores: their `learning_rate` is an alias of
// `initial_learning_rate`, and their `global_step` is dropped (Ramp supplies the step).
// Step origin: Keras calls the schedule with optimizer.iterations, which is 0 at the first update, and its
// tests call schedule(step) directly, so expected(step) == Rate(step).
namespace Ramp;

internal static class KerasDecaySchedules
{
    public static IEnumerable<ScheduleEntry> Entries =>
    [
        new(
            "ExponentialDecay",
            ScheduleOrigin.Keras,
            "initial_learning_rate · decay_rate^(step / decay_steps), floored exponent with staircase.",
            [
                InitialLearningRate(),
                new("decay_steps", ParameterKind.Number, "steps per multiplication by decay_rate") { Minimum = 0, MinimumExclusive = true },
                new("decay_rate", ParameterKind.Number, "the factor per decay_steps") { Minimum = 0 },
                new("staircase", ParameterKind.Boolean, "floor the exponent") { Default = Spec.Of(false) },
                Name(),
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                arguments.Number("initial_learning_rate"),
                new ExponentialSchedule(arguments.Number("decay_rate"), arguments.Number("decay_steps"), arguments.Boolean("staircase"))))
        {
            Example = "keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.96)",
            Scale = RateScale.Absolute,
        },
        new(
            "PiecewiseConstantDecay",
            ScheduleOrigin.Keras,
            "values[0] while step <= boundaries[0], values[i] while step <= boundaries[i] (inclusive bounds).",
            Piecewise(),
            arguments => PiecewiseConstant(arguments))
        {
            Example = "PiecewiseConstantDecay(boundaries=[100000, 110000], values=[1.0, 0.5, 0.1])",
            Scale = RateScale.Absolute,
        },
        new(
            "PolynomialDecay",
            ScheduleOrigin.Keras,
            "(initial - end) · (1 - step/decay_steps)^power + end; cycle extends the horizon to the next multiple.",
            [
                InitialLearningRate(),
                new("decay_steps", ParameterKind.Integer, "the length of the decay") { Minimum = 1 },
                new("end_learning_rate", ParameterKind.Number, "the rate at the end of the decay") { Default = Spec.Of(0.0001), Minimum = 0 },
                new("power", ParameterKind.Number, "the exponent; 1 is linear") { Default = Spec.Of(1.0), Minimum = 0 },
                new("cycle", ParameterKind.Boolean, "restart past decay_steps with the horizon ceil(step/decay_steps)·decay_steps") { Default = Spec.Of(false) },
                Name(),
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                1,
                new PolynomialSchedule(
                    arguments.Integer("decay_steps"),
                    arguments.Number("end_learning_rate"),
                    arguments.Number("power"),
                    arguments.Boolean("cycle"),
                    arguments.Number("initial_learning_rate"))))
        {
            Example = "keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=10000, end_learning_rate=0.01, power=0.5)",
            Scale = RateScale.Absolute,
        },
        new(
            "InverseTimeDecay",
            ScheduleOrigin.Keras,
            "initial_learning_rate / (1 + decay_rate · step / decay_steps), floored quotient with staircase.",
            [
                InitialLearningRate(),
                new("decay_steps", ParameterKind.Number, "steps per unit of time") { Minimum = 0, MinimumExclusive = true },
                new("decay_rate", ParameterKind.Number, "how fast the rate falls per decay_steps") { Minimum = 0 },
                new("staircase", ParameterKind.Boolean, "floor step / decay_steps") { Default = Spec.Of(false) },
                Name(),
            ],
            arguments => new AbsoluteShape(
                arguments.Canonical,
                arguments.Number("initial_learning_rate"),
                new InverseTimeSchedule(arguments.Number("decay_rate"), arguments.Number("decay_steps"), arguments.Boolean("staircase"))))
        {
            Example = "keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.5)",
            Scale = RateScale.Absolute,
        },
    ];

    // The parameters shared by Keras' PiecewiseConstantDecay and TF1's piecewise_constant.
    internal static IReadOnlyList<ParameterSpec> Piecewise() =>
    [
        new("boundaries", ParameterKind.IntegerList, "the last step of each value but the last, strictly increasing") { Minimum = 0 },
        new("values", ParameterKind.NumberList, "the rates, one more than the boundaries") { Minimum = 0 },
        Name(),
    ];

    // Keras and TF1 take a name for the schedule's graph scope; Ramp keeps it in the definition only.
    internal static ParameterSpec Name() => new("name", ParameterKind.Text, "a label for the schedule; no effect on the values") { Default = new SpecNone() };

    // Keras keeps values[i] while step <= boundaries[i], which on whole steps is step < boundaries[i] + 1:
    // Ramp's piecewise with every boundary moved one step later.
    internal static AbsoluteShape PiecewiseConstant(ScheduleArguments arguments)
    {
        var boundaries = DecayChecks.IncreasingSteps(arguments.Integers("boundaries"), "boundaries").Select(boundary => boundary + 1).ToArray();
        return new AbsoluteShape(arguments.Canonical, 1, new PiecewiseSchedule(boundaries, arguments.Numbers("values")));
    }

    private static ParameterSpec InitialLearningRate() => new("initial_learning_rate", ParameterKind.Number, "the rate at step 0")
    {
        Minimum = 0,
        Aliases = ["learning_rate"],
    };
}
