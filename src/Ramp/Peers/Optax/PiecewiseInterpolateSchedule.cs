// optax's piecewise_interpolate_schedule and the one-cycle schedules built on it (linear_onecycle_schedule,
// cosine_onecycle_schedule). Absolute values of optax's `count` (0 at the first update): the value at step k is
// Rate(k). The scales multiply up: the value at boundary b_i is init_value times the product of the scales up to it,
// and the schedule interpolates between those accumulated values, holding the last one after the last boundary.
namespace Ramp;

/// <summary>
/// With bounds <c>0 = b_0 &lt;= b_1 &lt; ...</c> (the sorted keys) and values <c>v_0 = init, v_i = v_(i-1) * scale_i</c>:
/// for <c>b_i &lt;= t &lt; b_(i+1)</c>, the linear or cosine interpolation from v_i to v_(i+1) at
/// <c>(t - b_i) / max(b_(i+1) - b_i, 1)</c>; from the last bound on, the last value.
/// </summary>
internal sealed class OptaxPiecewiseInterpolate : Schedule
{
    private readonly SpecCall definition;
    private readonly bool cosine;
    private readonly long[] bounds;
    private readonly double[] values;

    internal OptaxPiecewiseInterpolate(SpecCall definition, string interpolateType, double initialValue, IEnumerable<KeyValuePair<long, double>> boundariesAndScales)
    {
        this.definition = definition;
        cosine = interpolateType == "cosine";
        var sorted = boundariesAndScales.OrderBy(pair => pair.Key).ToArray();
        bounds = [0, .. sorted.Select(pair => pair.Key)];
        values = new double[bounds.Length];
        values[0] = initialValue;
        for (var i = 1; i < values.Length; i++)
        {
            values[i] = values[i - 1] * sorted[i - 1].Value;
        }
    }

    /// <summary>The catalog entry <c>optax.piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "piecewise_interpolate_schedule",
        ScheduleOrigin.Optax,
        "optax's linear or cosine interpolation between init_value times the accumulated scales at each boundary.",
        [
            new("interpolate_type", ParameterKind.Text, "how to move between boundaries") { Choices = ["linear", "cosine"] },
            new("init_value", ParameterKind.Number, "the value at step 0"),
            new("boundaries_and_scales", ParameterKind.NumberMap, "{step: scale}: the value at step is the previous one times scale") { Default = new SpecNone(), Minimum = 0 },
        ],
        arguments => new OptaxPiecewiseInterpolate(
            arguments.Canonical,
            arguments.Text("interpolate_type"),
            arguments.Number("init_value"),
            arguments.IsNone("boundaries_and_scales") ? [] : Boundaries(arguments.Map("boundaries_and_scales"))))
    {
        Example = "optax.piecewise_interpolate_schedule(interpolate_type='cosine', init_value=0.1, boundaries_and_scales={1000: 0.5, 5000: 0.1})",
        Scale = RateScale.Absolute,
    };

    /// <summary>The catalog entry <c>optax.linear_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, pct_final=0.85, div_factor=25.0, final_div_factor=1e4)</c>.</summary>
    public static ScheduleEntry LinearOneCycleEntry { get; } = new(
        "linear_onecycle_schedule",
        ScheduleOrigin.Optax,
        "optax's three linear phases: up to peak_value, back to the start, down to start / final_div_factor.",
        [
            new("transition_steps", ParameterKind.Integer, "steps of the cycle") { Minimum = 1 },
            new("peak_value", ParameterKind.Number, "the peak value") { Minimum = 0 },
            new("pct_start", ParameterKind.Number, "fraction of the steps spent rising") { Default = Spec.Of(0.3), Minimum = 0, Maximum = 1 },
            new("pct_final", ParameterKind.Number, "fraction of the steps at which the value is back at the start") { Default = Spec.Of(0.85), Minimum = 0, Maximum = 1 },
            new("div_factor", ParameterKind.Number, "start value = peak_value / div_factor") { Default = Spec.Of(25.0), Minimum = 0, MinimumExclusive = true },
            new("final_div_factor", ParameterKind.Number, "final value = start value / final_div_factor") { Default = Spec.Of(1e4), Minimum = 0, MinimumExclusive = true },
        ],
        arguments =>
        {
            var steps = arguments.Integer("transition_steps");
            var divide = arguments.Number("div_factor");
            return new OptaxPiecewiseInterpolate(
                arguments.Canonical,
                "linear",
                arguments.Number("peak_value") / divide,
                Dictionary(
                    (Truncate(arguments.Number("pct_start") * steps), divide),
                    (Truncate(arguments.Number("pct_final") * steps), 1.0 / divide),
                    (steps, 1.0 / arguments.Number("final_div_factor"))));
        })
    {
        Example = "optax.linear_onecycle_schedule(transition_steps=10000, peak_value=0.01)",
        Scale = RateScale.Absolute,
    };

    /// <summary>The catalog entry <c>optax.cosine_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, div_factor=25.0, final_div_factor=1e4)</c>.</summary>
    public static ScheduleEntry CosineOneCycleEntry { get; } = new(
        "cosine_onecycle_schedule",
        ScheduleOrigin.Optax,
        "optax's one cycle: a half cosine up to peak_value, then down to peak_value / (div_factor * final_div_factor).",
        [
            new("transition_steps", ParameterKind.Integer, "steps of the cycle") { Minimum = 1 },
            new("peak_value", ParameterKind.Number, "the peak value") { Minimum = 0 },
            new("pct_start", ParameterKind.Number, "fraction of the steps spent rising") { Default = Spec.Of(0.3), Minimum = 0, Maximum = 1 },
            new("div_factor", ParameterKind.Number, "start value = peak_value / div_factor") { Default = Spec.Of(25.0), Minimum = 0, MinimumExclusive = true },
            new("final_div_factor", ParameterKind.Number, "final value = start value / final_div_factor") { Default = Spec.Of(1e4), Minimum = 0, MinimumExclusive = true },
        ],
        arguments =>
        {
            var steps = arguments.Integer("transition_steps");
            var divide = arguments.Number("div_factor");
            return new OptaxPiecewiseInterpolate(
                arguments.Canonical,
                "cosine",
                arguments.Number("peak_value") / divide,
                Dictionary(
                    (Truncate(arguments.Number("pct_start") * steps), divide),
                    (steps, 1.0 / (divide * arguments.Number("final_div_factor")))));
        })
    {
        Example = "optax.cosine_onecycle_schedule(transition_steps=10000, peak_value=0.01)",
        Scale = RateScale.Absolute,
    };

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        for (var i = 0; i < bounds.Length - 1; i++)
        {
            if (bounds[i] <= step && step < bounds[i + 1])
            {
                var pct = (double)(step - bounds[i]) / Math.Max(bounds[i + 1] - bounds[i], 1);
                return cosine ? Annealing.Cosine(values[i], values[i + 1], pct) : Annealing.Linear(values[i], values[i + 1], pct);
            }
        }

        return step >= bounds[^1] ? values[^1] : 0;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    // Python's int() of a non-negative product: truncation.
    private static long Truncate(double value) => (long)Math.Truncate(value);

    // A Python dict literal: a repeated key keeps its first position and takes the last value.
    private static List<KeyValuePair<long, double>> Dictionary(params (long Key, double Value)[] entries)
    {
        var result = new List<KeyValuePair<long, double>>();
        foreach (var (key, value) in entries)
        {
            var index = result.FindIndex(pair => pair.Key == key);
            if (index < 0)
            {
                result.Add(new(key, value));
            }
            else
            {
                result[index] = new(key, value);
            }
        }

        return result;
    }

    private static List<KeyValuePair<long, double>> Boundaries(IReadOnlyList<KeyValuePair<double, double>> map)
    {
        var result = new List<KeyValuePair<long, double>>();
        foreach (var (key, value) in map)
        {
            if (!(key >= 0) || key != Math.Floor(key) || key > 9e15)
            {
                throw new ArgumentOutOfRangeException(nameof(map), key, $"boundaries_and_scales: boundary {key} must be a whole step >= 0");
            }

            if (result.Exists(pair => pair.Key == (long)key))
            {
                throw new ArgumentException($"boundaries_and_scales: boundary {key} is given twice", nameof(map));
            }

            result.Add(new((long)key, value));
        }

        return result;
    }
}
