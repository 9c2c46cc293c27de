// torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode,
// cooldown, min_lr, eps), plus `monitor`: the metric it listens to (default val_loss).
// Harness mapping: PyTorch's tests call scheduler.step(metric_k) after update k and then read the lr, so
// their expected[k] is Rate(k + 1) here. When to reduce: see PlateauRule. Each group's lr is recomputed from
// its base rate and the recorded reductions: lr ← max(lr·factor, min_lr[g]), kept only if it drops by more
// than eps, exactly as PyTorch's _reduce_lr (min_lr may be one number or one per group).
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class TorchReduceLROnPlateau : GroupedSchedule
{
    private const string Owner = "torch.ReduceLROnPlateau";
    private readonly PlateauRule rule;
    private readonly PlateauWatch watch;
    private readonly double[] minimumRates;

    public TorchReduceLROnPlateau(
        bool maximize, double factor, long patience, double threshold, bool relativeThreshold, long cooldown,
        IReadOnlyList<double> minimumRates, double eps, string monitor)
    {
        PlateauArguments.Check(monitor, factor, patience, threshold, cooldown);
        if (minimumRates.Count == 0 || minimumRates.Any(rate => !(rate >= 0)))
        {
            throw new ArgumentException("min_lr must be a number >= 0 or a list of them, one per parameter group", nameof(minimumRates));
        }

        if (!(eps >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps={SpecNumber.Format(eps)} must be >= 0");
        }

        Factor = factor;
        Eps = eps;
        this.minimumRates = [.. minimumRates];
        rule = new PlateauRule(maximize, relativeThreshold, threshold, patience, cooldown);
        watch = new PlateauWatch(monitor, rule, Owner);
    }

    public static ScheduleEntry Entry { get; } = new(
        "ReduceLROnPlateau",
        ScheduleOrigin.PyTorch,
        "PyTorch's reduce-on-plateau: each group's rate times factor when the metric stops improving, floored at min_lr.",
        [
            .. PlateauArguments.Parameters,
            new("min_lr", ParameterKind.NumberList, "the lowest rate: one number, or one per parameter group") { Default = Spec.Of(0.0), Minimum = 0 },
            new("eps", ParameterKind.Number, "a reduction smaller than this is skipped") { Default = Spec.Of(1e-8), Minimum = 0 },
            PlateauArguments.Monitor,
        ],
        arguments => new TorchReduceLROnPlateau(
            arguments.Text("mode") == "max",
            arguments.Number("factor"),
            arguments.Integer("patience"),
            arguments.Number("threshold"),
            arguments.Text("threshold_mode") == "rel",
            arguments.Integer("cooldown"),
            arguments.Numbers("min_lr"),
            arguments.Number("eps"),
            arguments.Text("monitor")))
    {
        Example = "torch.ReduceLROnPlateau(mode='min', factor=0.5, patience=2, min_lr=[0.001, 0.01])",
        Scale = RateScale.Relative,
    };

    public double Factor { get; }

    public double Eps { get; }

    public string Monitor => watch.Monitor;

    public override RateScale Scale => RateScale.Relative;

    public override bool IsFeedback => true;

    public override double Rate(long step, double baseRate, int group)
    {
        var floor = MinimumRate(group);
        var rate = baseRate;
        var count = watch.CountBefore(step);
        for (var i = 0; i < count; i++)
        {
            var reduced = Math.Max(rate * Factor, floor);
            if (!(rate - reduced > Eps))
            {
                break;
            }

            rate = reduced;
        }

        return rate;
    }

    public override void Observe(long step, string metric, double value) => watch.Observe(step, metric, value);

    public override JsonNode? SaveState() => watch.Save();

    public override void LoadState(JsonNode? state) => watch.Load(FeedbackJson.Object(state, Owner));

    public override SpecCall ToSpec() => new(
        Owner,
        [
            .. PlateauArguments.Write(rule.Maximize, Factor, rule.Patience, rule.Threshold, rule.RelativeThreshold, rule.Cooldown),
            ("min_lr", Spec.Of(minimumRates)),
            ("eps", Spec.Of(Eps)),
            ("monitor", Spec.Of(Monitor)),
        ]);

    private double MinimumRate(int group)
    {
        if (minimumRates.Length == 1)
        {
            return minimumRates[0];
        }

        return (uint)group < (uint)minimumRates.Length
            ? minimumRates[group]
            : throw new ArgumentOutOfRangeException(nameof(group), group, $"min_lr has {minimumRates.Length} values, one per parameter group; there is no group {group}");
    }
}
