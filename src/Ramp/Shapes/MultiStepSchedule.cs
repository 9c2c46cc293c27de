// Multi-step decay: the factor is multiplied by gamma at each milestone.
// Step origin: Ramp's; a milestone m takes effect at step m (PyTorch's MultiStepLR, Paddle's MultiStepDecay;
// timm's MultiStepLRScheduler decides one step earlier and is not this shape).
namespace Ramp;

/// <summary>
/// Multi-step decay, a relative factor: <c>gamma^k</c> where k counts the milestones &lt;= step. Milestones
/// strictly increase.
/// </summary>
public sealed class MultiStepSchedule : Schedule
{
    private readonly long[] milestones;
    private readonly double[] powers;

    /// <summary>Creates the schedule.</summary>
    /// <param name="milestones">Steps at which the factor drops, strictly increasing, each 0 or more.</param>
    /// <param name="gamma">The factor applied at each milestone, 0 or more.</param>
    public MultiStepSchedule(IReadOnlyList<long> milestones, double gamma = 0.1)
    {
        this.milestones = DecayChecks.IncreasingSteps(milestones, "milestones");
        Gamma = DecayChecks.AtLeast(gamma, 0, "gamma");
        powers = [.. Enumerable.Range(0, this.milestones.Length + 1).Select(drops => Math.Pow(Gamma, drops))];
    }

    /// <summary>The catalog entry <c>multistep(milestones, gamma=0.1)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "multistep",
        ScheduleOrigin.Ramp,
        "Multiplies the factor by gamma at each milestone step.",
        [
            new("milestones", ParameterKind.IntegerList, "steps at which the factor drops, strictly increasing") { Minimum = 0 },
            new("gamma", ParameterKind.Number, "the factor applied at each milestone") { Default = Spec.Of(0.1), Minimum = 0 },
        ],
        arguments => new MultiStepSchedule(arguments.Integers("milestones"), arguments.Number("gamma")))
    {
        Example = "multistep(milestones=[30, 80], gamma=0.1)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps at which the factor drops.</summary>
    public IReadOnlyList<long> Milestones => milestones;

    /// <summary>The factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step) => powers[SortedSteps.CountAtOrBelow(milestones, step)];

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new("multistep", ("milestones", Spec.Of(milestones)), ("gamma", Spec.Of(Gamma)));
}
