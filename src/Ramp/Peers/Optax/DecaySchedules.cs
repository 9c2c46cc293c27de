// optax's constant, polynomial, linear, piecewise-constant and exponential schedules and their warmup
// variants (optax.schedules). All absolute: the value is the learning rate, and may be negative where optax
// allows it (init_value, end_value). Step origin: optax's count starts at 0 for the first update and the
// tests call schedule(count) directly, so expected(count) == Rate(count).
namespace Ramp;

internal static class OptaxDecaySchedules
{
    public static IEnumerable<ScheduleEntry> Entries =>
    [
        new(
            "constant_schedule",
            ScheduleOrigin.Optax,
            "The same value at every step.",
            [new("value", ParameterKind.Number, "the value")],
            arguments => new AbsoluteShape(arguments.Canonical, Finite(arguments, "value"), new ConstantSchedule()))
        {
            Example = "constant_schedule(value=0.001)",
            Scale = RateScale.Absolute,
        },
        new(
            "polynomial_schedule",
            ScheduleOrigin.Optax,
            "(init - end)·(1 - c/transition_steps)^power + end, c = clip(count - transition_begin, 0, transition_steps).",
            [
                InitValue(),
                EndValue(),
                new("power", ParameterKind.Number, "the exponent; 1 is linear") { Minimum = 0 },
                TransitionSteps(),
                TransitionBegin(),
            ],
            arguments => Polynomial(arguments, arguments.Number("power")))
        {
            Example = "polynomial_schedule(init_value=1.0, end_value=0.01, power=2, transition_steps=100)",
            Scale = RateScale.Absolute,
        },
        new(
            "linear_schedule",
            ScheduleOrigin.Optax,
            "Linear from init_value to end_value over transition_steps, starting at transition_begin.",
            [InitValue(), EndValue(), TransitionSteps(), TransitionBegin()],
            arguments => Polynomial(arguments, 1))
        {
            Example = "linear_schedule(init_value=1.0, end_value=0.01, transition_steps=100)",
            Scale = RateScale.Absolute,
        },
        new(
            "piecewise_constant_schedule",
            ScheduleOrigin.Optax,
            "init_value times the product of the scales of every boundary <= count.",
            [
                InitValue(),
                new("boundaries_and_scales", ParameterKind.NumberMap, "{step: scale}; a scale multiplies the value from its step on") { Default = new SpecNone(), Minimum = 0 },
            ],
            PiecewiseConstant)
        {
            Example = "piecewise_constant_schedule(init_value=1.0, boundaries_and_scales={100: 0.1, 200: 0.1})",
            Scale = RateScale.Absolute,
        },
        new(
            "exponential_decay",
            ScheduleOrigin.Optax,
            "init·decay_rate^((count - transition_begin)/transition_steps), clipped at end_value.",
            [InitValue(), .. ExponentialParameters()],
            arguments => Exponential(arguments, arguments.Canonical, Finite(arguments, "init_value")))
        {
            Example = "optax.exponential_decay(init_value=0.1, transition_steps=1000, decay_rate=0.5, end_value=0.001)",
            Scale = RateScale.Absolute,
        },
        new(
            "warmup_constant_schedule",
            ScheduleOrigin.Optax,
            "Linear warmup from init_value to peak_value over warmup_steps, then peak_value.",
            [InitValue(), PeakValue(), WarmupSteps()],
            arguments => new OptaxPolynomialSchedule(
                arguments.Canonical,
                Finite(arguments, "init_value"),
                Finite(arguments, "peak_value"),
                1,
                arguments.Integer("warmup_steps"),
                0))
        {
            Example = "warmup_constant_schedule(init_value=0.0, peak_value=0.001, warmup_steps=1000)",
            Scale = RateScale.Absolute,
        },
        new(
            "warmup_exponential_decay_schedule",
            ScheduleOrigin.Optax,
            "Linear warmup to peak_value over warmup_steps, then exponential_decay from peak_value.",
            [InitValue(), PeakValue(), WarmupSteps(), .. ExponentialParameters()],
            WarmupExponential)
        {
            Example = "warmup_exponential_decay_schedule(init_value=0.0, peak_value=0.001, warmup_steps=1000, transition_steps=1000, decay_rate=0.5)",
            Scale = RateScale.Absolute,
        },
    ];

    private static ParameterSpec InitValue() => new("init_value", ParameterKind.Number, "the value at count 0");

    private static ParameterSpec EndValue() => new("end_value", ParameterKind.Number, "the value at the end of the transition");

    private static ParameterSpec PeakValue() => new("peak_value", ParameterKind.Number, "the value at the end of the warmup");

    private static ParameterSpec WarmupSteps() => new("warmup_steps", ParameterKind.Integer, "the length of the linear warmup") { Minimum = 0 };

    private static ParameterSpec TransitionSteps()
        => new("transition_steps", ParameterKind.Integer, "the length of the transition; <= 0 holds init_value");

    private static ParameterSpec TransitionBegin()
        => new("transition_begin", ParameterKind.Integer, "steps at init_value before the transition") { Default = Spec.Of(0.0), Minimum = 0 };

    // exponential_decay's parameters after init_value, which warmup_exponential_decay_schedule shares.
    private static IEnumerable<ParameterSpec> ExponentialParameters() =>
    [
        new("transition_steps", ParameterKind.Integer, "steps per multiplication by decay_rate; <= 0 holds init_value"),
        new("decay_rate", ParameterKind.Number, "the factor per transition_steps; 0 holds init_value") { Minimum = 0 },
        TransitionBegin(),
        new("staircase", ParameterKind.Boolean, "floor the exponent") { Default = Spec.Of(false) },
        new("end_value", ParameterKind.Number, "a floor when decay_rate < 1, else a ceiling") { Default = new SpecNone() },
    ];

    private static OptaxPolynomialSchedule Polynomial(ScheduleArguments arguments, double power) => new(
        arguments.Canonical,
        Finite(arguments, "init_value"),
        Finite(arguments, "end_value"),
        power,
        arguments.Integer("transition_steps"),
        arguments.Integer("transition_begin"));

    private static OptaxExponentialDecay Exponential(ScheduleArguments arguments, SpecCall definition, double init) => new(
        definition,
        init,
        arguments.Integer("transition_steps"),
        arguments.Number("decay_rate"),
        arguments.Integer("transition_begin"),
        arguments.Boolean("staircase"),
        arguments.OptionalNumber("end_value") is { } end ? DecayChecks.Finite(end, "end_value") : null);

    // optax multiplies in the scale of every boundary <= count, in ascending order of the boundaries.
    private static AbsoluteShape PiecewiseConstant(ScheduleArguments arguments)
    {
        var init = Finite(arguments, "init_value");
        var pairs = arguments.IsNone("boundaries_and_scales") ? [] : arguments.Map("boundaries_and_scales");
        var sorted = pairs.OrderBy(pair => pair.Key).ToArray();
        var boundaries = new long[sorted.Length];
        var values = new double[sorted.Length + 1];
        values[0] = 1;
        for (var i = 0; i < sorted.Length; i++)
        {
            var boundary = sorted[i].Key;
            if (boundary < 0 || boundary != Math.Floor(boundary) || (i > 0 && boundary == sorted[i - 1].Key))
            {
                throw new ArgumentException(
                    $"boundaries_and_scales has the boundary {SpecNumber.Format(boundary)}; allowed: distinct integers >= 0");
            }

            boundaries[i] = (long)boundary;
            values[i + 1] = values[i] * sorted[i].Value;
        }

        return new AbsoluteShape(arguments.Canonical, init, new PiecewiseSchedule(boundaries, values));
    }

    // join_schedules([linear_schedule(init, peak, warmup_steps), exponential_decay(peak, ...)], [warmup_steps]).
    private static OptaxWarmupExponentialDecay WarmupExponential(ScheduleArguments arguments)
    {
        var init = Finite(arguments, "init_value");
        var peak = Finite(arguments, "peak_value");
        var warmupSteps = arguments.Integer("warmup_steps");
        var warmupDefinition = new SpecCall(
            "linear_schedule",
            ("init_value", Spec.Of(init)),
            ("end_value", Spec.Of(peak)),
            ("transition_steps", Spec.Of(warmupSteps)),
            ("transition_begin", Spec.Of(0.0)));
        var warmup = new OptaxPolynomialSchedule(warmupDefinition, init, peak, 1, warmupSteps, 0);
        var decayDefinition = new SpecCall(
            "optax.exponential_decay",
            [],
            [new SpecArgument("init_value", Spec.Of(peak)), .. arguments.Canonical.Named.Where(argument => argument.Name is not ("init_value" or "peak_value" or "warmup_steps"))]);
        var decay = Exponential(arguments, decayDefinition, peak);
        return new OptaxWarmupExponentialDecay(arguments.Canonical, warmupSteps, warmup, decay);
    }

    private static double Finite(ScheduleArguments arguments, string name) => DecayChecks.Finite(arguments.Number(name), name);
}
