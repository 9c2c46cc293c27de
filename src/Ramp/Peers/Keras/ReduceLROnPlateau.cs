// keras.callbacks.ReduceLROnPlateau(monitor, factor, patience, verbose, mode, min_delta, cooldown, min_lr),
// without `verbose`. The callback runs at the end of each epoch: report the monitored metric after the last
// update of the epoch (step s) and the new rate applies from step s + 1. When to reduce: see KerasPlateauRule
// (patience reached at >=, min_delta absolute, cooldown resets wait). The rate of each group starts at its
// base rate (the optimizer's learning rate) and each reduction, while the rate is above min_lr, sets
// lr ← max(lr·factor, min_lr). mode 'auto' maximizes when the monitor's name contains "acc", as Keras does.
// Keras holds the rate in float32 and compares it with float32(min_lr); Ramp computes in double.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class KerasReduceLROnPlateau : GroupedSchedule
{
    private const string Owner = "keras.ReduceLROnPlateau";
    private readonly KerasPlateauRule rule;
    private readonly PlateauWatch watch;

    public KerasReduceLROnPlateau(string monitor, double factor, long patience, string mode, double minDelta, long cooldown, double minimumRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        if (!(factor is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor={SpecNumber.Format(factor)} must be in (0, 1)");
        }

        if (patience < 0 || cooldown < 0 || !(minDelta >= 0) || !(minimumRate >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(patience), "patience, cooldown, min_delta and min_lr must be >= 0");
        }

        Factor = factor;
        Mode = mode;
        MinimumRate = minimumRate;
        var maximize = mode == "max" || (mode == "auto" && monitor.Contains("acc", StringComparison.Ordinal));
        rule = new KerasPlateauRule(maximize, minDelta, patience, cooldown);
        watch = new PlateauWatch(monitor, rule, Owner);
    }

    public static ScheduleEntry Entry { get; } = new(
        "ReduceLROnPlateau",
        ScheduleOrigin.Keras,
        "Keras's reduce-on-plateau callback: the rate times factor after `patience` epochs without improvement.",
        [
            PlateauArguments.Monitor,
            new("factor", ParameterKind.Number, "the reduction factor") { Default = Spec.Of(0.1), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
            new("patience", ParameterKind.Integer, "epochs without improvement that trigger a reduction") { Default = Spec.Of(10.0), Minimum = 0 },
            new("mode", ParameterKind.Text, "min, max, or auto (max when the monitor's name contains 'acc')") { Default = Spec.Of("auto"), Choices = ["auto", "min", "max"] },
            new("min_delta", ParameterKind.Number, "the least absolute change that counts as an improvement") { Default = Spec.Of(1e-4), Minimum = 0 },
            new("cooldown", ParameterKind.Integer, "epochs to wait after a reduction") { Default = Spec.Of(0.0), Minimum = 0 },
            new("min_lr", ParameterKind.Number, "the lowest rate") { Default = Spec.Of(0.0), Minimum = 0 },
        ],
        arguments => new KerasReduceLROnPlateau(
            arguments.Text("monitor"),
            arguments.Number("factor"),
            arguments.Integer("patience"),
            arguments.Text("mode"),
            arguments.Number("min_delta"),
            arguments.Integer("cooldown"),
            arguments.Number("min_lr")))
    {
        Example = "keras.ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=3, min_lr=0.001)",
        Scale = RateScale.Relative,
    };

    public string Monitor => watch.Monitor;

    public double Factor { get; }

    public string Mode { get; }

    public double MinimumRate { get; }

    public override RateScale Scale => RateScale.Relative;

    public override bool IsFeedback => true;

    public override double Rate(long step, double baseRate, int group)
    {
        var comparedFloor = (double)(float)MinimumRate;
        var rate = baseRate;
        var count = watch.CountBefore(step);
        for (var i = 0; i < count && rate > comparedFloor; i++)
        {
            rate = Math.Max(rate * Factor, MinimumRate);
        }

        return rate;
    }

    public override void Observe(long step, string metric, double value) => watch.Observe(step, metric, value);

    public override JsonNode? SaveState() => watch.Save();

    public override void LoadState(JsonNode? state) => watch.Load(FeedbackJson.Object(state, Owner));

    public override SpecCall ToSpec() => new(
        Owner,
        ("monitor", Spec.Of(Monitor)),
        ("factor", Spec.Of(Factor)),
        ("patience", Spec.Of(rule.Patience)),
        ("mode", Spec.Of(Mode)),
        ("min_delta", Spec.Of(rule.MinDelta)),
        ("cooldown", Spec.Of(rule.Cooldown)),
        ("min_lr", Spec.Of(MinimumRate)));
}
