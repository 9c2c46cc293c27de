// TF1's decay functions (tf.compat.v1.train) that have no Keras class of their own name: natural_exp_decay
// and piecewise_constant. The others (exponential_decay, polynomial_decay, inverse_time_decay) resolve to
// the Keras classes. The step argument (global_step, or x for piecewise_constant) is dropped.
// Step origin: as Keras, expected(global_step) == Rate(step).
namespace Ramp;

internal static class KerasLegacyDecayFunctions
{
    public static IEnumerable<ScheduleEntry> Entries =>
    [
        new(
            "natural_exp_decay",
            ScheduleOrigin.Keras,
            "learning_rate · exp(-decay_rate · step / decay_steps), floored quotient with staircase (TF1).",
            [
                new("learning_rate", ParameterKind.Number, "the rate at step 0") { Minimum = 0 },
                new("decay_steps", ParameterKind.Number, "steps per unit of time") { Minimum = 0, MinimumExclusive = true },
                new("decay_rate", ParameterKind.Number, "the decay constant per decay_steps") { Minimum = 0 },
                new("staircase", ParameterKind.Boolean, "floor step / decay_steps") { Default = Spec.Of(false) },
                KerasDecaySchedules.Name(),
            ],
            // TF builds it as ExponentialDecay with the rate exp(-decay_rate); Ramp does the same.
            arguments => new AbsoluteShape(
                arguments.Canonical,
                arguments.Number("learning_rate"),
                new ExponentialSchedule(Math.Exp(-arguments.Number("decay_rate")), arguments.Number("decay_steps"), arguments.Boolean("staircase"))))
        {
            Example = "tf.compat.v1.train.natural_exp_decay(learning_rate=0.1, decay_steps=1000, decay_rate=0.5)",
            Scale = RateScale.Absolute,
        },
        new(
            "piecewise_constant",
            ScheduleOrigin.Keras,
            "values[i] while step <= boundaries[i] (TF1; inclusive bounds, as Keras' PiecewiseConstantDecay).",
            KerasDecaySchedules.Piecewise(),
            KerasDecaySchedules.PiecewiseConstant)
        {
            Example = "piecewise_constant(boundaries=[100000, 110000], values=[1.0, 0.5, 0.1])",
            Scale = RateScale.Absolute,
        },
    ];
}
