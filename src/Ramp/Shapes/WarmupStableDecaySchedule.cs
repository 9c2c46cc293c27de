// Warmup-stable-decay (WSD; Hu et al. 2024, Hägele et al. 2024): warm up to the base rate, hold it, then cool
// down to a floor. Relative factor; step 0 is the first update; lengths in steps. The default floor policy is
// Hugging Face's get_wsd_schedule; 'cosine_only' is kozistr/pytorch_optimizer's.
namespace Ramp;

/// <summary>
/// With W, S, D the warmup, stable and decay steps and m the floor: for t &lt; W, <c>w(t / W)</c> with w =
/// <c>p</c> (linear), <c>0.5 * (1 - cos(pi p))</c> (cosine) or <c>1 - sqrt(1 - p)</c> (1-sqrt); 1 for t &lt; W + S; for
/// t &lt; W + S + D, <c>d((t - W - S) / D)</c> with d = <c>1 - p</c> (linear), <c>0.5 * (1 + cos(pi p))</c> (cosine),
/// <c>1 - sqrt(p)</c> (1-sqrt) or <c>1 - p^2</c> (1-square); m afterwards.
/// Floor policy <c>blend</c> (Hugging Face) maps every warmup and decay value v to <c>v (1 - m) + m</c>, so the warmup
/// starts at m and every decay ends at m. Policy <c>cosine_only</c> (kozistr/pytorch_optimizer) blends only the cosine
/// decay: the warmup starts at 0 and the other decays fall towards 0, then jump to m after the decay.
/// </summary>
public sealed class WarmupStableDecaySchedule : Schedule
{
    private static readonly string[] Warmups = ["linear", "cosine", "1-sqrt"];
    private static readonly string[] Decays = ["linear", "cosine", "1-sqrt", "1-square"];
    private static readonly string[] FloorPolicies = ["blend", "cosine_only"];

    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupSteps">Steps of the warmup, 0 or more.</param>
    /// <param name="stableSteps">Steps at the base rate, 0 or more.</param>
    /// <param name="decaySteps">Steps of the decay (cooldown), 0 or more.</param>
    /// <param name="floor">The final factor, in [0, 1].</param>
    /// <param name="warmup">The warmup shape: <c>linear</c>, <c>cosine</c> or <c>1-sqrt</c>.</param>
    /// <param name="decay">The decay shape: <c>linear</c>, <c>cosine</c>, <c>1-sqrt</c> or <c>1-square</c>.</param>
    /// <param name="floorPolicy">Where the floor applies: <c>blend</c> (Hugging Face) or <c>cosine_only</c> (kozistr).</param>
    public WarmupStableDecaySchedule(
        long warmupSteps,
        long stableSteps,
        long decaySteps,
        double floor = 0,
        string warmup = "linear",
        string decay = "cosine",
        string floorPolicy = "blend")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(stableSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(decaySteps);
        if (!(floor >= 0 && floor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be a number in [0, 1]");
        }

        RequireChoice(warmup, Warmups, nameof(warmup), "warmup");
        RequireChoice(decay, Decays, nameof(decay), "decay");
        RequireChoice(floorPolicy, FloorPolicies, nameof(floorPolicy), "floor_policy");
        WarmupSteps = warmupSteps;
        StableSteps = stableSteps;
        DecaySteps = decaySteps;
        Floor = floor;
        Warmup = warmup;
        Decay = decay;
        FloorPolicy = floorPolicy;
    }

    /// <summary>The catalog entry <c>warmup_stable_decay(warmup_steps, stable_steps, decay_steps, floor=0, warmup='linear', decay='cosine', floor_policy='blend')</c>.</summary>
    public static ScheduleEntry Entry { get; } = new(
        "warmup_stable_decay",
        ScheduleOrigin.Ramp,
        "Warmup, a long stable phase at the base rate, then a cooldown to a floor (WSD).",
        [
            new("warmup_steps", ParameterKind.Integer, "steps of the warmup") { Minimum = 0 },
            new("stable_steps", ParameterKind.Integer, "steps at the base rate") { Minimum = 0 },
            new("decay_steps", ParameterKind.Integer, "steps of the decay (cooldown)") { Minimum = 0 },
            new("floor", ParameterKind.Number, "the final factor") { Default = Spec.Of(0.0), Minimum = 0, Maximum = 1 },
            new("warmup", ParameterKind.Text, "the warmup shape") { Default = Spec.Of("linear"), Choices = Warmups },
            new("decay", ParameterKind.Text, "the decay shape") { Default = Spec.Of("cosine"), Choices = Decays },
            new("floor_policy", ParameterKind.Text, "blend: warmup and every decay blend towards the floor (Hugging Face); cosine_only: only a cosine decay does (kozistr)") { Default = Spec.Of("blend"), Choices = FloorPolicies },
        ],
        arguments => new WarmupStableDecaySchedule(
            arguments.Integer("warmup_steps"),
            arguments.Integer("stable_steps"),
            arguments.Integer("decay_steps"),
            arguments.Number("floor"),
            arguments.Text("warmup"),
            arguments.Text("decay"),
            arguments.Text("floor_policy")))
    {
        Example = "warmup_stable_decay(warmup_steps=1000, stable_steps=7000, decay_steps=2000, decay='1-sqrt', floor=0.01)",
        Scale = RateScale.Relative,
    };

    /// <summary>Steps of the warmup.</summary>
    public long WarmupSteps { get; }

    /// <summary>Steps at the base rate.</summary>
    public long StableSteps { get; }

    /// <summary>Steps of the decay.</summary>
    public long DecaySteps { get; }

    /// <summary>The final factor.</summary>
    public double Floor { get; }

    /// <summary>The warmup shape.</summary>
    public string Warmup { get; }

    /// <summary>The decay shape.</summary>
    public string Decay { get; }

    /// <summary><c>blend</c> or <c>cosine_only</c>.</summary>
    public string FloorPolicy { get; }

    /// <inheritdoc/>
    public override RateScale Scale => RateScale.Relative;

    /// <inheritdoc/>
    public override double Rate(long step)
    {
        var blend = FloorPolicy == "blend";
        if (step < WarmupSteps)
        {
            var progress = (double)step / WarmupSteps;
            var rise = Warmup switch
            {
                "cosine" => 0.5 * (1 - Math.Cos(Math.PI * progress)),
                "1-sqrt" => 1 - Math.Sqrt(1 - progress),
                _ => progress,
            };
            return blend ? (rise * (1 - Floor)) + Floor : rise;
        }

        var decayed = step - WarmupSteps - StableSteps;
        if (decayed < 0)
        {
            return 1;
        }

        if (decayed >= DecaySteps)
        {
            return Floor;
        }

        var done = (double)decayed / DecaySteps;
        var fall = Decay switch
        {
            "linear" => 1 - done,
            "1-sqrt" => 1 - Math.Sqrt(done),
            "1-square" => 1 - (done * done),
            _ => Annealing.HalfCosine(done),
        };
        return blend || Decay == "cosine" ? (fall * (1 - Floor)) + Floor : fall;
    }

    /// <inheritdoc/>
    public override SpecCall ToSpec() => new(
        "warmup_stable_decay",
        ("warmup_steps", Spec.Of(WarmupSteps)),
        ("stable_steps", Spec.Of(StableSteps)),
        ("decay_steps", Spec.Of(DecaySteps)),
        ("floor", Spec.Of(Floor)),
        ("warmup", Spec.Of(Warmup)),
        ("decay", Spec.Of(Decay)),
        ("floor_policy", Spec.Of(FloorPolicy)));

    private static void RequireChoice(string value, string[] choices, string parameter, string name)
    {
        if (Array.IndexOf(choices, value) < 0)
        {
            throw new ArgumentException($"{name} '{value}' is not one of {string.Join(", ", choices.Select(choice => $"'{choice}'"))}", parameter);
        }
    }
}
