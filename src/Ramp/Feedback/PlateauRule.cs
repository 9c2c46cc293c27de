// When to reduce on a plateau, with PyTorch's ReduceLROnPlateau semantics exactly:
//   better: min/rel a < best·(1 − threshold); min/abs a < best − threshold;
//           max/rel a > best·(threshold + 1); max/abs a > best + threshold.
//   each metric: better → best = a, bad = 0, else bad += 1; in cooldown → cooldown −= 1, bad = 0
//   (best is still updated during cooldown); bad > patience → reduce, cooldown = its setting, bad = 0.
// Patience and cooldown count metrics, not steps.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class PlateauRule : IPlateauRule
{
    public PlateauRule(bool maximize, bool relativeThreshold, double threshold, long patience, long cooldown)
    {
        Maximize = maximize;
        RelativeThreshold = relativeThreshold;
        Threshold = threshold;
        Patience = patience;
        Cooldown = cooldown;
        Best = maximize ? double.NegativeInfinity : double.PositiveInfinity;
    }

    public bool Maximize { get; }

    public bool RelativeThreshold { get; }

    public double Threshold { get; }

    public long Patience { get; }

    public long Cooldown { get; }

    public double Best { get; private set; }

    public long BadCount { get; private set; }

    public long CooldownCounter { get; private set; }

    /// <summary>Takes one metric; returns whether it triggers a reduction.</summary>
    public bool Observe(double value)
    {
        if (IsBetter(value))
        {
            Best = value;
            BadCount = 0;
        }
        else
        {
            BadCount++;
        }

        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            BadCount = 0;
        }

        if (BadCount > Patience)
        {
            CooldownCounter = Cooldown;
            BadCount = 0;
            return true;
        }

        return false;
    }

    public JsonObject Save() => new()
    {
        ["best"] = FeedbackJson.Number(Best),
        ["bad"] = BadCount,
        ["cooldown"] = CooldownCounter,
    };

    public void Load(JsonObject state, string owner)
    {
        Best = FeedbackJson.Number(state, "best", owner);
        BadCount = FeedbackJson.Integer(state, "bad", owner);
        CooldownCounter = FeedbackJson.Integer(state, "cooldown", owner);
    }

    private bool IsBetter(double value) => (Maximize, RelativeThreshold) switch
    {
        (false, true) => value < Best * (1.0 - Threshold),
        (false, false) => value < Best - Threshold,
        (true, true) => value > Best * (Threshold + 1.0),
        (true, false) => value > Best + Threshold,
    };
}
