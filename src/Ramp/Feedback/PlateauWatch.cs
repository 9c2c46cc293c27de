// What every reduce-on-plateau schedule (Ramp's `plateau`, PyTorch's and Keras's ReduceLROnPlateau) keeps between
// metrics: the metric it listens to, its rule (PlateauRule or KerasPlateauRule), the steps whose metric triggered a
// reduction and the last step observed, with metrics taken in step order. Saved as
// { "rule": {...}, "reductions": [steps], "last_step": n }.
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>When to reduce, given one metric value after another; its counters save and load.</summary>
internal interface IPlateauRule
{
    /// <summary>Takes the next value of the metric; true when it triggers a reduction.</summary>
    bool Observe(double value);

    /// <summary>The rule's counters.</summary>
    JsonObject Save();

    /// <summary>Restores counters saved by <see cref="Save"/>; errors name <paramref name="owner"/>.</summary>
    void Load(JsonObject state, string owner);
}

/// <summary>The watched metric, the rule and the reductions it triggered.</summary>
internal sealed class PlateauWatch
{
    private readonly IPlateauRule rule;
    private readonly string owner;
    private readonly StepLog reductions = new();
    private long lastStep = -1;

    public PlateauWatch(string monitor, IPlateauRule rule, string owner)
    {
        Monitor = monitor;
        this.rule = rule;
        this.owner = owner;
    }

    /// <summary>The metric's name, e.g. <c>val_loss</c>.</summary>
    public string Monitor { get; }

    /// <summary>The steps whose metric triggered a reduction, in order.</summary>
    public IReadOnlyList<long> Reductions => reductions.Steps;

    /// <summary>Reductions triggered by metrics of steps before <paramref name="step"/>.</summary>
    public int CountBefore(long step) => reductions.CountBefore(step);

    /// <summary>Feeds a metric reported after <paramref name="step"/>; true when it is the watched one and triggered a reduction.</summary>
    public bool Observe(long step, string metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric != Monitor)
        {
            return false;
        }

        MetricOrder.Check(step, lastStep, owner);
        lastStep = step;
        if (!rule.Observe(value))
        {
            return false;
        }

        reductions.Add(step);
        return true;
    }

    public JsonObject Save() => new()
    {
        ["rule"] = rule.Save(),
        ["reductions"] = reductions.Save(),
        ["last_step"] = lastStep,
    };

    public void Load(JsonObject saved)
    {
        rule.Load(FeedbackJson.Object(saved["rule"], owner), owner);
        reductions.Load(FeedbackJson.Array(saved, "reductions", owner), owner);
        lastStep = FeedbackJson.Integer(saved, "last_step", owner);
    }
}
