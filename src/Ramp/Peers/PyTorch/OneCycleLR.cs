// torch.optim.lr_scheduler.OneCycleLR: absolute rates from max_lr / div_factor up to max_lr and down to
// max_lr / (div_factor * final_div_factor). Step mapping: the value after k calls to step() is Rate(k) (harness B).
// PyTorch's phase ends (pct_start * T - 1, 2 * pct_start * T - 2, T - 1) and its extrapolation at step T are kept;
// past T PyTorch raises, and so does Rate. Per-group lists of max_lr cannot be written: one schedule per group.
namespace Ramp;

/// <summary>
/// PyTorch's OneCycleLR. Phase ends are <c>pct_start * T - 1</c> and <c>T - 1</c> (three phases: <c>pct_start * T - 1</c>,
/// <c>2 * pct_start * T - 2</c>, <c>T - 1</c>); step t uses the first phase whose end is at least t (or the last one)
/// and anneals between the phase's values by <c>(t - start) / (end - start)</c>, a half cosine (<c>cos</c>) or a line.
/// Rates: initial → max → min (three phases: initial → max → initial → min). Momentum runs the other way
/// (<see cref="Momentum"/>): max → base → max (three phases: max → base → max → max).
/// </summary>
public sealed class PyTorchOneCycleSchedule : Schedule
{
    private readonly SpecCall definition;
    private readonly OneCyclePhases phases;
    private readonly double[] rates;
    private readonly double[] momenta;
    private readonly bool cycleMomentum;

    private PyTorchOneCycleSchedule(ScheduleArguments arguments)
    {
        definition = arguments.Canonical;
        TotalSteps = arguments.OptionalInteger("total_steps")
            ?? (arguments.OptionalInteger("epochs") is { } epochs && arguments.OptionalInteger("steps_per_epoch") is { } perEpoch
                ? epochs * perEpoch
                : throw new ArgumentException("give total_steps, or epochs and steps_per_epoch", nameof(arguments)));
        var threePhase = arguments.Boolean("three_phase");
        phases = new OneCyclePhases(TotalSteps, arguments.Number("pct_start"), threePhase, arguments.Text("anneal_strategy") == "cos", "pct_start");
        var peak = arguments.Number("max_lr");
        var initial = peak / arguments.Number("div_factor");
        var minimum = initial / arguments.Number("final_div_factor");
        rates = threePhase ? [initial, peak, initial, minimum] : [initial, peak, minimum];
        cycleMomentum = arguments.Boolean("cycle_momentum");
        var high = arguments.Number("max_momentum");
        var low = arguments.Number("base_momentum");
        momenta = threePhase ? [high, low, high, high] : [high, low, high];
    }

    /// <summary>The catalog entry <c>torch.OneCycleLR(max_lr, total_steps=None, epochs=None, steps_per_epoch=None, ...)</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "OneCycleLR",
        ScheduleOrigin.PyTorch,
        "PyTorch's one-cycle policy (absolute), with its momentum cycle; raises past total_steps.",
        [
            new("max_lr", ParameterKind.Number, "the peak rate") { Minimum = 0 },
            new("total_steps", ParameterKind.Integer, "steps of the cycle (or epochs * steps_per_epoch)") { Default = new SpecNone(), Minimum = 1 },
            new("epochs", ParameterKind.Integer, "epochs, with steps_per_epoch, when total_steps is None") { Default = new SpecNone(), Minimum = 1 },
            new("steps_per_epoch", ParameterKind.Integer, "steps per epoch, with epochs, when total_steps is None") { Default = new SpecNone(), Minimum = 1 },
            new("pct_start", ParameterKind.Number, "fraction of the steps spent rising") { Default = Spec.Of(0.3), Minimum = 0, Maximum = 1 },
            new("anneal_strategy", ParameterKind.Text, "the shape of each phase") { Default = Spec.Of("cos"), Choices = ["cos", "linear"] },
            new("cycle_momentum", ParameterKind.Boolean, "whether Momentum(step) cycles") { Default = Spec.Of(true) },
            new("base_momentum", ParameterKind.Number, "the momentum at the peak rate") { Default = Spec.Of(0.85), Minimum = 0 },
            new("max_momentum", ParameterKind.Number, "the momentum at the lowest rates") { Default = Spec.Of(0.95), Minimum = 0 },
            new("div_factor", ParameterKind.Number, "initial rate = max_lr / div_factor") { Default = Spec.Of(25.0), Minimum = 0, MinimumExclusive = true },
            new("final_div_factor", ParameterKind.Number, "final rate = initial rate / final_div_factor") { Default = Spec.Of(1e4), Minimum = 0, MinimumExclusive = true },
            new("three_phase", ParameterKind.Boolean, "come back down to the initial rate before the final anneal") { Default = Spec.Of(false) },
        ],
        arguments => new PyTorchOneCycleSchedule(arguments))
    {
        Example = "torch.OneCycleLR(max_lr=0.01, total_steps=10000)",
        Scale = RateScale.Absolute,
    };

    /// <summary>The number of steps of the cycle; Rate accepts steps 0 to TotalSteps.</summary>
    public long TotalSteps { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Absolute;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        ThrowIfPastEnd(step);
        return phases.Interpolate(step, rates);
    }

    /// <summary>
    /// The momentum (or Adam's beta1) PyTorch sets at <paramref name="step"/>, or null when <c>cycle_momentum</c> is
    /// false (PyTorch leaves it alone).
    /// </summary>
    /// <param name="step">The optimizer step, 0 to <see cref="TotalSteps"/>.</param>
    public double? Momentum(long step)
    {
        ThrowIfPastEnd(step);
        return cycleMomentum ? phases.Interpolate(step, momenta) : null;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => definition;

    private void ThrowIfPastEnd(long step)
    {
        if (step > TotalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"OneCycleLR: step {step} is past total_steps={TotalSteps} (PyTorch raises there)");
        }
    }
}

/// <summary>
/// The phases of PyTorch's (and Paddle's) one-cycle schedule: phase i ends at step <c>ends[i]</c> and starts where
/// phase i - 1 ended (step 0 for the first); step t takes the first phase whose end is at least t, or the last.
/// </summary>
internal sealed class OneCyclePhases
{
    private readonly double[] ends;
    private readonly bool cosine;

    /// <summary>Creates the phases; throws when a reachable phase has no length (PyTorch would divide by zero).</summary>
    public OneCyclePhases(long totalSteps, double pctStart, bool threePhase, bool cosine, string pctName)
    {
        ends = threePhase
            ? [(pctStart * totalSteps) - 1, (2 * pctStart * totalSteps) - 2, totalSteps - 1]
            : [(pctStart * totalSteps) - 1, totalSteps - 1];
        this.cosine = cosine;

        // The phase chosen for a step only changes next to a phase end, so these steps reach every reachable phase.
        foreach (var end in ends)
        {
            foreach (var candidate in (ReadOnlySpan<double>)[0, totalSteps, Math.Floor(end), Math.Floor(end) + 1])
            {
                if (candidate >= 0 && candidate <= totalSteps && Length(Locate((long)candidate)) == 0)
                {
                    throw new ArgumentException($"{pctName}={pctStart} with {totalSteps} steps leaves phase {Locate((long)candidate) + 1} without steps", pctName);
                }
            }
        }
    }

    /// <summary>The value at <paramref name="step"/> when phase i runs from <c>values[i]</c> to <c>values[i + 1]</c>.</summary>
    public double Interpolate(long step, double[] values)
    {
        var phase = Locate(step);
        var start = phase == 0 ? 0 : ends[phase - 1];
        var pct = (step - start) / (ends[phase] - start);
        return cosine ? Annealing.Cosine(values[phase], values[phase + 1], pct) : Annealing.Linear(values[phase], values[phase + 1], pct);
    }

    private int Locate(long step)
    {
        var phase = 0;
        while (phase < ends.Length - 1 && step > ends[phase])
        {
            phase++;
        }

        return phase;
    }

    private double Length(int phase) => ends[phase] - (phase == 0 ? 0 : ends[phase - 1]);
}
