// Reduce on plateau over any schedule (spec name `plateau`), e.g. a warmup followed by plateau reductions.
// Step origin: step 0 is the first update; a metric measured after the update at step s that triggers a
// reduction lowers the rate from step s + 1 on. rate(t) = inner(t) · max(factor^k, min_scale), with k the
// number of reductions triggered at steps < t. When to reduce follows PyTorch's ReduceLROnPlateau exactly
// (reduce after more than `patience` metrics without improvement; best still tracked during cooldown).
// The floor is a factor (min_scale, as optax's reduce_on_plateau), so it works for any base rate and for
// absolute schedules; torch.ReduceLROnPlateau keeps PyTorch's absolute min_lr per group.
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>
/// Multiplies a schedule by <c>factor</c> each time the monitored metric stops improving, down to
/// <c>min_scale</c>; PyTorch's plateau rule decides when.
/// </summary>
/// <remarks>
/// rate(t) = inner(t)·max(factor^k, min_scale), k the reductions triggered by metrics of steps &lt; t. A metric
/// is better when (min, rel) a &lt; best·(1 − threshold), (min, abs) a &lt; best − threshold, (max, rel)
/// a &gt; best·(1 + threshold), (max, abs) a &gt; best + threshold; more than <c>patience</c> metrics that are not
/// better reduce; <c>cooldown</c> metrics after a reduction are not counted, but best is still tracked.
/// </remarks>
public sealed class PlateauSchedule : GroupedSchedule
{
    private readonly Schedule[] children;
    private readonly PlateauRule rule;
    private readonly PlateauWatch watch;
    private readonly List<double> multipliers = [1.0];

    /// <summary>Creates the schedule.</summary>
    /// <param name="schedule">The schedule to reduce.</param>
    /// <param name="monitor">The metric to watch, e.g. <c>val_loss</c>.</param>
    /// <param name="maximize">False to reduce when the metric stops decreasing (mode 'min'), true when it stops increasing.</param>
    /// <param name="factor">The reduction factor, in (0, 1).</param>
    /// <param name="patience">How many metrics without improvement are tolerated; one more triggers a reduction.</param>
    /// <param name="threshold">The least change that counts as an improvement.</param>
    /// <param name="relativeThreshold">Whether <paramref name="threshold"/> is relative to the best value (mode 'rel') or absolute.</param>
    /// <param name="cooldown">How many metrics to ignore after a reduction.</param>
    /// <param name="minimumScale">The smallest total multiplier, in [0, 1].</param>
    public PlateauSchedule(
        Schedule schedule,
        string monitor = "val_loss",
        bool maximize = false,
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        bool relativeThreshold = true,
        long cooldown = 0,
        double minimumScale = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        PlateauArguments.Check(monitor, factor, patience, threshold, cooldown);
        if (!(minimumScale is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumScale), minimumScale, $"min_scale={SpecNumber.Format(minimumScale)} must be in [0, 1]");
        }

        Inner = schedule;
        Factor = factor;
        MinimumScale = minimumScale;
        rule = new PlateauRule(maximize, relativeThreshold, threshold, patience, cooldown);
        watch = new PlateauWatch(monitor, rule, "plateau");
        children = [schedule];
    }

    /// <summary>The catalog entry <c>plateau(schedule, monitor, mode, factor, patience, threshold, threshold_mode, cooldown, min_scale)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "plateau",
        ScheduleOrigin.Ramp,
        "Reduces any schedule by a factor when a metric stops improving (PyTorch's rule), down to min_scale.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule to reduce") { Default = new SpecCall("constant", ("value", Spec.Of(1.0))) },
            PlateauArguments.Monitor,
            .. PlateauArguments.Parameters,
            new("min_scale", ParameterKind.Number, "the smallest total multiplier") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
        ],
        arguments => new PlateauSchedule(
            arguments.Schedule("schedule"),
            arguments.Text("monitor"),
            arguments.Text("mode") == "max",
            arguments.Number("factor"),
            arguments.Integer("patience"),
            arguments.Number("threshold"),
            arguments.Text("threshold_mode") == "rel",
            arguments.Integer("cooldown"),
            arguments.Number("min_scale")))
    {
        Example = "plateau(schedule=warmup(steps=5), monitor='val_loss', patience=2, factor=0.5)",
    };

    /// <summary>The reduced schedule.</summary>
    public Schedule Inner { get; }

    /// <summary>The metric watched.</summary>
    public string Monitor => watch.Monitor;

    /// <summary>Whether larger values of the metric are better.</summary>
    public bool Maximize => rule.Maximize;

    /// <summary>The reduction factor.</summary>
    public double Factor { get; }

    /// <summary>Metrics without improvement tolerated before a reduction.</summary>
    public long Patience => rule.Patience;

    /// <summary>The least change that counts as an improvement.</summary>
    public double Threshold => rule.Threshold;

    /// <summary>Whether the threshold is relative to the best value.</summary>
    public bool RelativeThreshold => rule.RelativeThreshold;

    /// <summary>Metrics ignored after a reduction.</summary>
    public long Cooldown => rule.Cooldown;

    /// <summary>The smallest total multiplier.</summary>
    public double MinimumScale { get; }

    /// <summary>The steps whose metric triggered a reduction, in order.</summary>
    public IReadOnlyList<long> Reductions => watch.Reductions;

    /// <inheritdoc/>
    public override RateScale Scale => Inner.Scale;

    /// <inheritdoc/>
    public override IReadOnlyList<Schedule> Children => children;

    /// <inheritdoc/>
    public override bool IsFeedback => true;

    /// <summary>The multiplier in force at <paramref name="step"/>: max(factor^k, min_scale), k the reductions before it.</summary>
    public double Multiplier(long step) => multipliers[watch.CountBefore(step)];

    /// <inheritdoc/>
    public override double Rate(long step, double baseRate, int group) => Multiplier(step) * Inner.Rate(step, baseRate, group);

    /// <inheritdoc/>
    public override void Observe(long step, string metric, double value)
    {
        if (watch.Observe(step, metric, value))
        {
            AddMultiplier();
        }

        Inner.Observe(step, metric, value);
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState()
    {
        var saved = watch.Save();
        saved["schedule"] = Inner.SaveState();
        return saved;
    }

    /// <inheritdoc/>
    public override void LoadState(JsonNode? state)
    {
        var saved = FeedbackJson.Object(state, "plateau");
        watch.Load(saved);
        multipliers.RemoveRange(1, multipliers.Count - 1);
        while (multipliers.Count <= watch.Reductions.Count)
        {
            AddMultiplier();
        }

        Inner.LoadState(saved["schedule"]);
    }

    // The multipliers after 0, 1, 2... reductions, so that a rate costs a lookup rather than a power.
    private void AddMultiplier() => multipliers.Add(Math.Max(multipliers[^1] * Factor, MinimumScale));

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "plateau",
        [("schedule", Inner.ToSpec()), ("monitor", Spec.Of(Monitor)), .. PlateauArguments.Write(Maximize, Factor, Patience, Threshold, RelativeThreshold, Cooldown), ("min_scale", Spec.Of(MinimumScale))]);
}
