// A parameter group: ranges of the flat block that share a learning rate, a weight decay and optimizer
// hyperparameters, as in PyTorch's param_groups. The trainer sets LearningRate before every step (from the
// group's schedule); StepCount counts the updates applied to the group (PyTorch's state['step']).
namespace Ramp.Training.Optimizers;

/// <summary>Ranges of the flat parameter block updated with one learning rate, weight decay and settings.</summary>
public sealed class ParameterGroup
{
    private readonly ParameterRange[] ranges;
    private double learningRate;
    private double weightDecay;

    /// <summary>Creates a group.</summary>
    /// <param name="name">Name used in logs and state files, e.g. <c>decay</c>.</param>
    /// <param name="ranges">Ranges of the flat block; disjoint from every other group's.</param>
    /// <param name="learningRate">Base learning rate; also the first value of <see cref="LearningRate"/>.</param>
    /// <param name="weightDecay">Weight decay: L2 added to the gradient, or decoupled for AdamW.</param>
    /// <param name="settings">Hyperparameters for this group only; null takes the optimizer's defaults.</param>
    public ParameterGroup(string name, IEnumerable<ParameterRange> ranges, double learningRate, double weightDecay = 0,
        OptimizerSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(ranges);
        Name = name;
        this.ranges = [.. ranges];
        foreach (var range in this.ranges)
        {
            if (range.Offset < 0 || range.Length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ranges), $"Group '{name}' has range ({range.Offset}, {range.Length}); offset and length must be non-negative.");
            }
        }
        LearningRate = learningRate;
        BaseLearningRate = learningRate;
        WeightDecay = weightDecay;
        Settings = settings;
    }

    /// <summary>Creates a group from named parameters of a layout; adjacent parameters form one range.</summary>
    /// <param name="name">Group name.</param>
    /// <param name="parameters">Parameters of the layout.</param>
    /// <param name="learningRate">Base learning rate.</param>
    /// <param name="weightDecay">Weight decay.</param>
    /// <param name="settings">Hyperparameters for this group only; null takes the optimizer's defaults.</param>
    public static ParameterGroup Of(string name, IEnumerable<ParameterEntry> parameters, double learningRate,
        double weightDecay = 0, OptimizerSettings? settings = null)
        => new(name, ParameterRange.Cover(parameters), learningRate, weightDecay, settings);

    /// <summary>Group name.</summary>
    public string Name { get; }

    /// <summary>The ranges of the flat block in this group.</summary>
    public IReadOnlyList<ParameterRange> Ranges => ranges;

    internal ReadOnlySpan<ParameterRange> RangeSpan => ranges;

    /// <summary>The learning rate the group was created with: the base that relative schedules scale.</summary>
    public double BaseLearningRate { get; internal set; }

    /// <summary>The learning rate of the next step; set it before every step from the schedule.</summary>
    public double LearningRate
    {
        get => learningRate;
        set => learningRate = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"Learning rate {value} of group '{Name}' is not allowed; it must be finite and >= 0.");
    }

    /// <summary>Weight decay coefficient.</summary>
    public double WeightDecay
    {
        get => weightDecay;
        set => weightDecay = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"Weight decay {value} of group '{Name}' is not allowed; it must be finite and >= 0.");
    }

    /// <summary>The group's hyperparameters: as given, or the optimizer's defaults once an optimizer owns the group.</summary>
    public OptimizerSettings? Settings { get; internal set; }

    /// <summary>Number of updates applied to this group.</summary>
    public long StepCount { get; internal set; }

    /// <summary>Set once an optimizer takes the group: its settings and step count are then that optimizer's.</summary>
    internal bool IsOwned { get; set; }

    /// <summary>Total number of parameters in the group.</summary>
    public long ParameterCount => ranges.Sum(range => (long)range.Length);
}
