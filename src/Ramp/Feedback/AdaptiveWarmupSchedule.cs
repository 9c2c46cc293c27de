// Adaptive warmup (spec name `adaptive_warmup`): an exponential warmup that backs off on loss or
// gradient-norm spikes and hands over to a schedule when it completes. Design, from papers.md 8.5:
// AutoWU grows the rate exponentially during warmup; practice detects spikes against a running statistic
// and answers by lowering the rate; R8.6 backs off to half the rate and continues.
//   ramp:  ω(t) = start^(1 − q(t)/W), q(t) = t − o the warmup progress in steps (o = 0 without spikes, so the
//          ramp equals warmup(shape='exponential', start=start) and completes at step W).
//   spike: a monitored metric measured after step s is non-finite, or above `spike` × its moving average
//          (once `history` values are in). The rate from s + 1 on is cut to max(start, cut · ω(s + 1)): the
//          progress goes back by W·ln(cut)/ln(start) steps, and the ramp resumes from there at the same pace.
//          No second cut within `cooldown` steps of a cut, so one spike lasting a few steps cuts once.
//   handover: when q reaches W (step D = ⌈o + W⌉) the wrapped schedule starts its clock: rate(t) = inner(t − D).
// Spikes after the handover are the wrapped schedule's business (e.g. a plateau): they go to it.
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>
/// An exponential warmup that cuts the rate when the training loss or the gradient norm spikes, ramps up again
/// from there, and hands over to the wrapped schedule (its clock starting) once the ramp completes.
/// </summary>
/// <remarks>
/// ω(t) = start^(1 − (t − o)/W) with o = 0 until a spike; a spike (a non-finite value, or one above
/// spike × its moving average once <c>history</c> values are in) measured after step s sets the factor of
/// step s + 1 to max(start, cut·ω(s + 1)) by moving o later; the ramp then continues at the same pace and
/// the wrapped schedule starts at D = ⌈o + W⌉: rate(t) = ω(t)·inner(0) for t &lt; D, inner(t − D) after.
/// </remarks>
public sealed class AdaptiveWarmupSchedule : GroupedSchedule
{
    private const string Owner = "adaptive_warmup";
    private readonly Schedule[] children;
    private readonly List<(long Step, double Origin)> anchors = [(0, 0.0)];
    private readonly RunningAverage lossAverage = new();
    private readonly RunningAverage gradientAverage = new();
    private readonly double logStart;
    private readonly double setback;
    private long lastCut = -1;
    private long lastStep = -1;

    /// <summary>Creates the schedule.</summary>
    /// <param name="schedule">The schedule that takes over when the warmup completes.</param>
    /// <param name="steps">The nominal warmup length: whole steps, or a fraction in (0, 1) of <paramref name="totalSteps"/>.</param>
    /// <param name="totalSteps">The total number of training steps, for a fractional <paramref name="steps"/>.</param>
    /// <param name="start">The factor at step 0 and the lowest factor a cut can reach, in (0, 1).</param>
    /// <param name="monitor">The loss metric watched for spikes.</param>
    /// <param name="gradientMonitor">The gradient-norm metric watched for spikes.</param>
    /// <param name="spike">A value above this many times its moving average is a spike; > 1.</param>
    /// <param name="cut">The factor a spike multiplies the rate by, in (0, 1).</param>
    /// <param name="smoothing">The weight of the past in the moving averages, in [0, 1).</param>
    /// <param name="history">The values a moving average needs before spikes are judged against it; >= 1.</param>
    /// <param name="cooldown">The steps after a cut during which no other cut happens; >= 0.</param>
    public AdaptiveWarmupSchedule(
        Schedule schedule,
        double steps,
        long? totalSteps = null,
        double start = 0.01,
        string monitor = "loss",
        string gradientMonitor = "grad_norm",
        double spike = 2.0,
        double cut = 0.5,
        double smoothing = 0.9,
        long history = 10,
        long cooldown = 10)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        ArgumentException.ThrowIfNullOrEmpty(gradientMonitor);
        Length = WarmupLength.Resolve(steps, totalSteps);
        Check(start is > 0 and < 1, nameof(start), start, "in (0, 1)");
        Check(spike > 1 && double.IsFinite(spike), nameof(spike), spike, "a finite number > 1");
        Check(cut is > 0 and < 1, nameof(cut), cut, "in (0, 1)");
        Check(smoothing is >= 0 and < 1, nameof(smoothing), smoothing, "in [0, 1)");
        Check(history >= 1, nameof(history), history, ">= 1");
        Check(cooldown >= 0, nameof(cooldown), cooldown, ">= 0");
        Inner = schedule;
        Steps = steps;
        TotalSteps = totalSteps;
        Start = start;
        Monitor = monitor;
        GradientMonitor = gradientMonitor;
        Spike = spike;
        Cut = cut;
        Smoothing = smoothing;
        History = history;
        Cooldown = cooldown;
        logStart = Math.Log(start);
        setback = Length * Math.Log(cut) / logStart;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>adaptive_warmup(schedule, steps, total_steps, start, monitor, grad_monitor, spike, cut, smoothing, history, cooldown)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "adaptive_warmup",
        ScheduleOrigin.Ramp,
        "Exponential warmup that cuts the rate on loss or gradient-norm spikes, re-ramps, then starts the schedule.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule that takes over when the warmup completes") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            new("steps", ParameterKind.Number, "the nominal length: whole steps, or a fraction in (0, 1) of total_steps") { Minimum = 0 },
            new("total_steps", ParameterKind.Integer, "the total number of training steps, for a fractional steps") { Default = new SpecNone(), Minimum = 1 },
            new("start", ParameterKind.Number, "the factor at step 0, and the lowest a cut can reach") { Default = Spec.Of(0.01), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
            new("monitor", ParameterKind.Text, "the loss metric watched for spikes") { Default = Spec.Of("loss") },
            new("grad_monitor", ParameterKind.Text, "the gradient-norm metric watched for spikes") { Default = Spec.Of("grad_norm") },
            new("spike", ParameterKind.Number, "a value above this many times its moving average is a spike") { Default = Spec.Of(2.0), Minimum = 1, MinimumExclusive = true },
            new("cut", ParameterKind.Number, "the factor a spike multiplies the rate by") { Default = Spec.Of(0.5), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
            new("smoothing", ParameterKind.Number, "the weight of the past in the moving averages") { Default = Spec.Of(0.9), Minimum = 0, Maximum = 1, MaximumExclusive = true },
            new("history", ParameterKind.Integer, "values needed before spikes are judged") { Default = Spec.Of(10.0), Minimum = 1 },
            new("cooldown", ParameterKind.Integer, "steps after a cut without another cut") { Default = Spec.Of(10.0), Minimum = 0 },
        ],
        arguments => new AdaptiveWarmupSchedule(
            arguments.Schedule("schedule"),
            arguments.Number("steps"),
            arguments.OptionalInteger("total_steps"),
            arguments.Number("start"),
            arguments.Text("monitor"),
            arguments.Text("grad_monitor"),
            arguments.Number("spike"),
            arguments.Number("cut"),
            arguments.Number("smoothing"),
            arguments.Integer("history"),
            arguments.Integer("cooldown")))
    {
        Example = "adaptive_warmup(schedule=plateau(patience=3), steps=20, start=0.05, history=3, cooldown=2)",
    };

    /// <summary>The schedule that takes over when the warmup completes.</summary>
    public Schedule Inner { get; }

    /// <summary>The nominal length as given.</summary>
    public double Steps { get; }

    /// <summary>The total number of training steps, when given.</summary>
    public long? TotalSteps { get; }

    /// <summary>The nominal warmup length W in steps: the length without spikes.</summary>
    public long Length { get; }

    /// <summary>The factor at step 0 and the floor of cuts.</summary>
    public double Start { get; }

    /// <summary>The loss metric watched.</summary>
    public string Monitor { get; }

    /// <summary>The gradient-norm metric watched.</summary>
    public string GradientMonitor { get; }

    /// <summary>The spike ratio.</summary>
    public double Spike { get; }

    /// <summary>The cut factor.</summary>
    public double Cut { get; }

    /// <summary>The weight of the past in the moving averages.</summary>
    public double Smoothing { get; }

    /// <summary>The values needed before spikes are judged.</summary>
    public long History { get; }

    /// <summary>The steps after a cut without another cut.</summary>
    public long Cooldown { get; }

    /// <summary>The steps from which a cut applied, in order.</summary>
    public IReadOnlyList<long> Cuts => [.. anchors.Skip(1).Select(anchor => anchor.Step)];

    /// <summary>The step at which the wrapped schedule takes over, as things stand.</summary>
    public long HandoverStep => Handover(anchors[^1].Origin);

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override bool IsFeedback => true;

    /// <summary>The warmup factor at <paramref name="step"/>, 1 from the handover on.</summary>
    public double Factor(long step)
    {
        var origin = anchors[Anchor(step)].Origin;
        return step >= Handover(origin) ? 1.0 : Ramp(step, origin);
    }

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
    {
        var origin = anchors[Anchor(step)].Origin;
        var handover = Handover(origin);
        return step >= handover
            ? Inner.Rate(step - handover, baseRate, group)
            : Ramp(step, origin) * Inner.Rate(0, baseRate, group);
    }

    /// <inheritdoc/>
    public override void Observe(long step, string metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var handover = HandoverStep;
        if (step >= handover)
        {
            Inner.Observe(step - handover, metric, value);
            return;
        }

        var average = metric == Monitor ? lossAverage : metric == GradientMonitor ? gradientAverage : null;
        if (average is null)
        {
            return;
        }

        MetricOrder.Check(step, lastStep, Owner);
        lastStep = step;
        var spiked = !double.IsFinite(value) || (average.Count >= History && value > Spike * average.Average);
        if (!spiked)
        {
            average.Add(value, Smoothing);
            return;
        }

        var next = step + 1;
        if (next < handover && (lastCut < 0 || next - lastCut >= Cooldown))
        {
            var progress = Math.Max(0.0, next - anchors[^1].Origin - setback);
            anchors.Add((next, next - progress));
            lastCut = next;
        }
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState() => new JsonObject
    {
        ["anchors"] = new JsonArray([.. anchors.Select(anchor => (JsonNode?)new JsonArray(JsonValue.Create(anchor.Step), FeedbackJson.Number(anchor.Origin)))]),
        ["loss"] = lossAverage.Save(),
        ["grad"] = gradientAverage.Save(),
        ["last_cut"] = lastCut,
        ["last_step"] = lastStep,
        ["schedule"] = Inner.SaveState(),
    };

    /// <inheritdoc/>
    public override void LoadState(JsonNode? state)
    {
        var saved = FeedbackJson.Object(state, Owner);
        var loaded = new List<(long, double)>();
        foreach (var item in FeedbackJson.Array(saved, "anchors", Owner))
        {
            if (item is not JsonArray { Count: 2 } pair || pair[0] is not JsonValue stepValue || !stepValue.TryGetValue<long>(out var anchorStep))
            {
                throw new ArgumentException($"the state of {Owner} has an anchor that is not [step, origin]: {item?.ToJsonString()}", nameof(state));
            }

            if (loaded.Count > 0 && anchorStep < loaded[^1].Item1)
            {
                throw new ArgumentException($"the state of {Owner} lists anchors out of step order: {anchorStep} after {loaded[^1].Item1}", nameof(state));
            }

            loaded.Add((anchorStep, FeedbackJson.Number(pair[1]) ?? throw new ArgumentException($"the state of {Owner} has an anchor whose origin is not a number: {item.ToJsonString()}", nameof(state))));
        }

        if (loaded.Count == 0 || loaded[0] != (0, 0.0))
        {
            throw new ArgumentException($"the state of {Owner} must start with the anchor [0, 0]", nameof(state));
        }

        anchors.Clear();
        anchors.AddRange(loaded);
        lossAverage.Load(FeedbackJson.Object(saved["loss"], Owner), Owner);
        gradientAverage.Load(FeedbackJson.Object(saved["grad"], Owner), Owner);
        lastCut = FeedbackJson.Integer(saved, "last_cut", Owner);
        lastStep = FeedbackJson.Integer(saved, "last_step", Owner);
        Inner.LoadState(saved["schedule"]);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
    {
        var arguments = new List<(string, SpecValue)> { ("schedule", Inner.ToSpec()), ("steps", Spec.Of(Steps)) };
        if (TotalSteps is { } total)
        {
            arguments.Add(("total_steps", Spec.Of(total)));
        }

        arguments.AddRange(
        [
            ("start", Spec.Of(Start)),
            ("monitor", Spec.Of(Monitor)),
            ("grad_monitor", Spec.Of(GradientMonitor)),
            ("spike", Spec.Of(Spike)),
            ("cut", Spec.Of(Cut)),
            ("smoothing", Spec.Of(Smoothing)),
            ("history", Spec.Of(History)),
            ("cooldown", Spec.Of(Cooldown)),
        ]);
        return new SpecCall(Owner, arguments);
    }

    private static void Check(bool valid, string name, double value, string allowed)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name}={SpecNumber.Format(value)} must be {allowed}");
        }
    }

    // start^(1 − q/W) with q = step − origin, the same exponential ramp as warmup(shape='exponential').
    private double Ramp(long step, double origin) => WarmupShapes.Ramp(WarmupShape.Exponential, Start, logStart, (step - origin) / Length);

    // The step at which a ramp whose progress counts from `origin` completes: the first t with t − origin >= W.
    private long Handover(double origin) => (long)Math.Ceiling(origin + Length);

    // The index of the last anchor at or before `step`.
    private int Anchor(long step)
    {
        var low = 0;
        var high = anchors.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (anchors[middle].Step <= step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }
}
