// Warmup as a combinator over any schedule (spec name `warmup`). Step origin: step 0 is the first update.
//   prefix:  rate(t) = ω(t) · inner(0) for t < W, then inner(t − W): the wrapped clock starts after the warmup.
//   overlay: rate(t) = ω(t) · inner(t), with ω = 1 from t = W on (pytorch_warmup's dampening).
// ω ramps to 1 over W steps. start = None (the default) counts the ramp one step ahead, ω(t) = shape((t + 1)/W),
// so the first update is never at rate 0 and the last warmup step reaches the target: (t + 1)/W for linear,
// as pytorch_warmup and fairseq's `fixed` do. start = s gives ω(0) = s exactly and reaches 1 at step W:
// ω(t) = s + (1 − s)·shape(t/W), as Hugging Face (s = 0), timm, optax, Keras and Paddle do.
namespace Ramp;

/// <summary>
/// Ramps the rate up over the first <see cref="Length"/> steps, in front of (<see cref="WarmupMode.Prefix"/>)
/// or on top of (<see cref="WarmupMode.Overlay"/>) another schedule. The prefix target is the wrapped
/// schedule's rate at its own step 0 for each group, so absolute terms and per-group base rates are kept.
/// </summary>
/// <remarks>
/// Step 0 is the first update; W = <see cref="Length"/>. Prefix: rate(t) = ω(t)·inner(0) for t &lt; W, then
/// inner(t − W). Overlay: rate(t) = ω(t)·inner(t). With <see cref="Start"/> null, ω(t) = shape((t + 1)/W)
/// (linear: (t + 1)/W, never 0, 1 at t = W − 1); with a start s, ω(t) = s + (1 − s)·shape(t/W) (s = 0 is
/// Hugging Face's t/W); exponential: s^(1 − t/W); constant: s. A fractional length is ⌈steps·total_steps⌉.
/// </remarks>
public sealed class WarmupSchedule : GroupedSchedule
{
    private readonly Schedule[] children;
    private readonly double logStart;

    /// <summary>Creates the warmup.</summary>
    /// <param name="schedule">The schedule after (prefix) or under (overlay) the warmup.</param>
    /// <param name="steps">The length: a whole number of steps, or a fraction in (0, 1) of <paramref name="totalSteps"/>.</param>
    /// <param name="totalSteps">The total number of training steps; needed only for a fractional <paramref name="steps"/>.</param>
    /// <param name="shape">The shape of the ramp.</param>
    /// <param name="mode">Prefix or overlay.</param>
    /// <param name="start">The factor at step 0, in [0, 1]; null to count a ramp from 0 one step ahead.</param>
    public WarmupSchedule(
        Schedule schedule,
        double steps,
        long? totalSteps = null,
        WarmupShape shape = WarmupShape.Linear,
        WarmupMode mode = WarmupMode.Prefix,
        double? start = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Length = WarmupLength.Resolve(steps, totalSteps);
        if (start is { } value && !(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(start), value, $"start={SpecNumber.Format(value)} must be in [0, 1]");
        }

        if (start is null && !WarmupShapes.CanStartFromZero(shape))
        {
            throw new ArgumentException($"shape='{WarmupShapes.Name(shape)}' needs a start factor > 0, e.g. start=0.01", nameof(start));
        }

        if (shape == WarmupShape.Exponential && start is 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), 0.0, "start=0 cannot grow geometrically; shape='exponential' needs start > 0");
        }

        Inner = schedule;
        Steps = steps;
        TotalSteps = totalSteps;
        Shape = shape;
        Mode = mode;
        Start = start;
        logStart = start is > 0 ? Math.Log(start.Value) : 0;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>warmup(schedule, steps, total_steps, shape, mode, start)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "warmup",
        ScheduleOrigin.Ramp,
        "Ramps the rate up over the first steps, before (prefix) or on top of (overlay) any schedule.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule after (prefix) or under (overlay) the warmup") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            new("steps", ParameterKind.Number, "the length: whole steps, or a fraction in (0, 1) of total_steps (rounded up)") { Minimum = 0 },
            new("total_steps", ParameterKind.Integer, "the total number of training steps, for a fractional steps") { Default = new SpecNone(), Minimum = 1 },
            new("shape", ParameterKind.Text, "the ramp's shape") { Default = Spec.Of("linear"), Choices = WarmupShapes.Names },
            new("mode", ParameterKind.Text, "prefix: the schedule's clock starts after the warmup; overlay: a factor on the schedule from step 0") { Default = Spec.Of("prefix"), Choices = ["prefix", "overlay"] },
            new("start", ParameterKind.Number, "the factor at step 0; None: the ramp counted one step ahead ((t+1)/W for linear)") { Default = new SpecNone(), Minimum = 0, Maximum = 1 },
        ],
        arguments => new WarmupSchedule(
            arguments.Schedule("schedule"),
            arguments.Number("steps"),
            arguments.OptionalInteger("total_steps"),
            WarmupShapes.Parse(arguments.Text("shape")),
            arguments.Text("mode") == "overlay" ? WarmupMode.Overlay : WarmupMode.Prefix,
            arguments.OptionalNumber("start")))
    {
        Example = "warmup(schedule=sequence(schedules=[constant(1), constant(0.1)], boundaries=[900]), steps=0.1, total_steps=1000, shape='cosine')",
    };

    /// <summary>The wrapped schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>The length as given: whole steps, or a fraction of <see cref="TotalSteps"/>.</summary>
    public double Steps { get; }

    /// <summary>The total number of training steps, when given.</summary>
    public long? TotalSteps { get; }

    /// <summary>The warmup length W in steps.</summary>
    public long Length { get; }

    /// <summary>The ramp's shape.</summary>
    public WarmupShape Shape { get; }

    /// <summary>Prefix or overlay.</summary>
    public WarmupMode Mode { get; }

    /// <summary>The factor at step 0, or null when the ramp is counted one step ahead from 0.</summary>
    public double? Start { get; }

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <summary>The warmup factor ω at <paramref name="step"/>: in [0, 1] during the warmup, 1 from step W on.</summary>
    public double Factor(long step)
    {
        if (step >= Length)
        {
            return 1.0;
        }

        return Start is { } start
            ? WarmupShapes.Ramp(Shape, start, logStart, (double)step / Length)
            : WarmupShapes.Ramp(Shape, 0.0, 0.0, (double)(step + 1) / Length);
    }

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
    {
        if (step >= Length)
        {
            return Inner.Rate(Mode == WarmupMode.Prefix ? step - Length : step, baseRate, group);
        }

        return Factor(step) * Inner.Rate(Mode == WarmupMode.Prefix ? 0 : step, baseRate, group);
    }

    /// <summary>In prefix mode the wrapped schedule sees only metrics of its own steps, on its own clock.</summary>
    public override void Observe(long step, string metric, double value)
    {
        var local = Mode == WarmupMode.Prefix ? step - Length : step;
        if (local >= 0)
        {
            Inner.Observe(local, metric, value);
        }
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
    {
        var arguments = new List<(string, SpecValue)> { ("schedule", Inner.ToSpec()), ("steps", Spec.Of(Steps)) };
        if (TotalSteps is { } total)
        {
            arguments.Add(("total_steps", Spec.Of(total)));
        }

        arguments.Add(("shape", Spec.Of(WarmupShapes.Name(Shape))));
        arguments.Add(("mode", Spec.Of(Mode == WarmupMode.Prefix ? "prefix" : "overlay")));
        if (Start is { } start)
        {
            arguments.Add(("start", Spec.Of(start)));
        }

        return new SpecCall("warmup", arguments);
    }
}
