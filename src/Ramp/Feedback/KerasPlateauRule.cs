// When to reduce on a plateau, with Keras's ReduceLROnPlateau callback semantics:
//   in cooldown → cooldown −= 1, wait = 0; then better (min: a < best − min_delta, max: a > best + min_delta)
//   → best = a, wait = 0; else, if no longer in cooldown, wait += 1 and wait >= patience → reduce,
//   cooldown = its setting, wait = 0. Unlike PyTorch: patience is reached at >=, min_delta is absolute,
//   and a metric taken during cooldown does not count towards patience.
// Keras skips the counter reset when the rate is already at min_lr; the rates are the same either way,
// since a rate at its floor stays there, so the rule here does not depend on the rate.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class KerasPlateauRule : IPlateauRule
{
    public KerasPlateauRule(bool maximize, double minDelta, long patience, long cooldown)
    {
        Maximize = maximize;
        MinDelta = minDelta;
        Patience = patience;
        Cooldown = cooldown;
        Best = maximize ? double.NegativeInfinity : double.PositiveInfinity;
    }

    public bool Maximize { get; }

    public double MinDelta { get; }

    public long Patience { get; }

    public long Cooldown { get; }

    public double Best { get; private set; }

    public long Wait { get; private set; }

    public long CooldownCounter { get; private set; }

    /// <summary>Takes one metric; returns whether it triggers a reduction.</summary>
    public bool Observe(double value)
    {
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            Wait = 0;
        }

        if (Maximize ? value > Best + MinDelta : value < Best - MinDelta)
        {
            Best = value;
            Wait = 0;
        }
        else if (CooldownCounter == 0)
        {
            Wait++;
            if (Wait >= Patience)
            {
                CooldownCounter = Cooldown;
                Wait = 0;
                return true;
            }
        }

        return false;
    }

    public JsonObject Save() => new()
    {
        ["best"] = FeedbackJson.Number(Best),
        ["wait"] = Wait,
        ["cooldown"] = CooldownCounter,
    };

    public void Load(JsonObject state, string owner)
    {
        Best = FeedbackJson.Number(state, "best", owner);
        Wait = FeedbackJson.Integer(state, "wait", owner);
        CooldownCounter = FeedbackJson.Integer(state, "cooldown", owner);
    }
}
