// Constant warmup until a threshold (spec name `threshold_warmup`): hold a small rate until the training
// loss falls below a threshold, then switch to the target and start the wrapped schedule's clock there.
// Step origin: step 0 is the first update. If the (optionally smoothed) monitored metric measured after the
// update at step s is below `threshold`, the switch step is S = s + 1; with max_steps, the switch happens at
// max_steps at the latest. rate(t) = start · inner(0) for t < S, inner(t − S) from S on.
// Non-finite metrics (a diverged loss) are skipped, so they never trigger the switch nor spoil the average.
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>
/// Holds <c>start</c> times the wrapped schedule's first rate until the monitored metric (the training loss by
/// default) falls below a threshold, then runs the wrapped schedule from its step 0.
/// </summary>
/// <remarks>
/// With S = s + 1 for the first step s whose (smoothed) metric is below the threshold, or max_steps if that
/// comes first: rate(t) = start·inner(0) for t &lt; S, inner(t − S) from S on.
/// </remarks>
public sealed class ThresholdWarmupSchedule : GroupedSchedule
{
    private const string Owner = "threshold_warmup";
    private readonly Schedule[] children;
    private readonly RunningAverage average = new();
    private long? reached;
    private long lastStep = -1;

    /// <summary>Creates the schedule.</summary>
    /// <param name="schedule">The schedule that takes over at the switch.</param>
    /// <param name="threshold">The metric value to get below.</param>
    /// <param name="start">The factor of the wrapped schedule's first rate held until the switch, in (0, 1].</param>
    /// <param name="monitor">The metric to watch.</param>
    /// <param name="smoothing">The weight of the past in the metric's moving average, in [0, 1); 0 uses each value alone.</param>
    /// <param name="maxSteps">The latest switch step, or null to wait for the threshold however long it takes.</param>
    public ThresholdWarmupSchedule(
        Schedule schedule,
        double threshold,
        double start = 0.1,
        string monitor = "loss",
        double smoothing = 0,
        long? maxSteps = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold={SpecNumber.Format(threshold)} must be a finite number");
        }

        if (!(start is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"start={SpecNumber.Format(start)} must be in (0, 1]");
        }

        if (!(smoothing is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, $"smoothing={SpecNumber.Format(smoothing)} must be in [0, 1)");
        }

        if (maxSteps is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, $"max_steps={maxSteps} must be >= 0");
        }

        Inner = schedule;
        Threshold = threshold;
        Start = start;
        Monitor = monitor;
        Smoothing = smoothing;
        MaxSteps = maxSteps;
        children = [schedule];
    }

    /// <summary>The catalog entry <c>threshold_warmup(schedule, threshold, start, monitor, smoothing, max_steps)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "threshold_warmup",
        ScheduleOrigin.Ramp,
        "Holds a small rate until the training loss falls below a threshold, then starts the schedule.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule that takes over at the switch, its clock starting there") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            new("threshold", ParameterKind.Number, "the metric value to get below"),
            new("start", ParameterKind.Number, "the factor of the schedule's first rate held until the switch") { Default = Spec.Of(0.1), Minimum = 0, MinimumExclusive = true, Maximum = 1 },
            new("monitor", ParameterKind.Text, "the metric to watch") { Default = Spec.Of("loss") },
            new("smoothing", ParameterKind.Number, "the weight of the past in the metric's moving average (0: each value alone)") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1, MaximumExclusive = true },
            new("max_steps", ParameterKind.Integer, "the latest switch step") { Default = new SpecNone(), Minimum = 0 },
        ],
        arguments => new ThresholdWarmupSchedule(
            arguments.Schedule("schedule"),
            arguments.Number("threshold"),
            arguments.Number("start"),
            arguments.Text("monitor"),
            arguments.Number("smoothing"),
            arguments.OptionalInteger("max_steps")))
    {
        Example = "threshold_warmup(schedule=sequence(schedules=[constant(1), constant(0.1)], boundaries=[100]), threshold=2.5, start=0.1, max_steps=500)",
    };

    /// <summary>The schedule that takes over at the switch.</summary>
    public Schedule Inner { get; }

    /// <summary>The metric value to get below.</summary>
    public double Threshold { get; }

    /// <summary>The factor held until the switch.</summary>
    public double Start { get; }

    /// <summary>The metric watched.</summary>
    public string Monitor { get; }

    /// <summary>The weight of the past in the moving average.</summary>
    public double Smoothing { get; }

    /// <summary>The latest switch step, or null.</summary>
    public long? MaxSteps { get; }

    /// <summary>The step from which the wrapped schedule runs, or null while the threshold is not reached (and max_steps not given).</summary>
    public long? SwitchStep => (reached, MaxSteps) switch
    {
        ({ } observed, { } latest) => Math.Min(observed, latest),
        ({ } observed, null) => observed,
        (null, { } latest) => latest,
        _ => null,
    };

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override bool IsFeedback => true;

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group)
        => SwitchStep is { } switchStep && step >= switchStep
            ? Inner.Rate(step - switchStep, baseRate, group)
            : Start * Inner.Rate(0, baseRate, group);

    /// <inheritdoc/>
    public override void Observe(long step, string metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var switchStep = SwitchStep;
        if (metric == Monitor && (switchStep is null || step + 1 < switchStep))
        {
            MetricOrder.Check(step, lastStep, Owner);
            lastStep = step;
            if (double.IsFinite(value))
            {
                average.Add(value, Smoothing);
                if (average.Average < Threshold)
                {
                    reached = step + 1;
                }
            }
        }

        if (switchStep is { } started && step >= started)
        {
            Inner.Observe(step - started, metric, value);
        }
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState() => new JsonObject
    {
        ["reached"] = reached is { } observed ? JsonValue.Create(observed) : null,
        ["average"] = average.Save(),
        ["last_step"] = lastStep,
        ["schedule"] = Inner.SaveState(),
    };

    /// <inheritdoc/>
    public override void LoadState(JsonNode? state)
    {
        var saved = FeedbackJson.Object(state, Owner);
        reached = saved["reached"] is null ? null : FeedbackJson.Integer(saved, "reached", Owner);
        average.Load(FeedbackJson.Object(saved["average"], Owner), Owner);
        lastStep = FeedbackJson.Integer(saved, "last_step", Owner);
        Inner.LoadState(saved["schedule"]);
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec()
    {
        var arguments = new List<(string, SpecValue)>
        {
            ("schedule", Inner.ToSpec()),
            ("threshold", Spec.Of(Threshold)),
            ("start", Spec.Of(Start)),
            ("monitor", Spec.Of(Monitor)),
            ("smoothing", Spec.Of(Smoothing)),
        };
        if (MaxSteps is { } latest)
        {
            arguments.Add(("max_steps", Spec.Of(latest)));
        }

        return new SpecCall(Owner, arguments);
    }
}
