// The parameters shared by `plateau` and torch.ReduceLROnPlateau, with PyTorch's names, defaults and order
// (mode, factor, patience, threshold, threshold_mode, cooldown), and `monitor`, the metric listened to, which
// each entry places where positional arguments pasted from Python still bind as in PyTorch.
namespace Ramp;

internal static class PlateauArguments
{
    public static ParameterSpec Monitor { get; } = new("monitor", ParameterKind.Text, "the metric to watch") { Default = Spec.Of("val_loss") };

    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("mode", ParameterKind.Text, "min: reduce when the metric stops decreasing; max: when it stops increasing") { Default = Spec.Of("min"), Choices = ["min", "max"] },
        new("factor", ParameterKind.Number, "the reduction factor") { Default = Spec.Of(0.1), Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
        new("patience", ParameterKind.Integer, "metrics without improvement tolerated; one more reduces") { Default = Spec.Of(10.0), Minimum = 0 },
        new("threshold", ParameterKind.Number, "the least change that counts as an improvement") { Default = Spec.Of(1e-4), Minimum = 0 },
        new("threshold_mode", ParameterKind.Text, "rel: threshold relative to the best value; abs: absolute") { Default = Spec.Of("rel"), Choices = ["rel", "abs"] },
        new("cooldown", ParameterKind.Integer, "metrics ignored after a reduction") { Default = Spec.Of(0.0), Minimum = 0 },
    ];

    public static void Check(string monitor, double factor, long patience, double threshold, long cooldown)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        if (!(factor is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor={SpecNumber.Format(factor)} must be in (0, 1)");
        }

        if (patience < 0 || cooldown < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), $"patience={patience} and cooldown={cooldown} must be >= 0");
        }

        if (!(threshold >= 0) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold={SpecNumber.Format(threshold)} must be a finite number >= 0");
        }
    }

    public static IEnumerable<(string Name, SpecValue Value)> Write(
        bool maximize, double factor, long patience, double threshold, bool relativeThreshold, long cooldown) =>
    [
        ("mode", Spec.Of(maximize ? "max" : "min")),
        ("factor", Spec.Of(factor)),
        ("patience", Spec.Of(patience)),
        ("threshold", Spec.Of(threshold)),
        ("threshold_mode", Spec.Of(relativeThreshold ? "rel" : "abs")),
        ("cooldown", Spec.Of(cooldown)),
    ];
}
