// An exponential moving average of a metric: the first value starts it, then
// average ← smoothing·average + (1 − smoothing)·value. smoothing = 0 keeps only the latest value.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class RunningAverage
{
    public long Count { get; private set; }

    public double Average { get; private set; }

    public void Add(double value, double smoothing)
    {
        Average = Count == 0 ? value : (smoothing * Average) + ((1 - smoothing) * value);
        Count++;
    }

    public JsonObject Save() => new() { ["count"] = Count, ["average"] = FeedbackJson.Number(Average) };

    public void Load(JsonObject state, string owner)
    {
        Count = FeedbackJson.Integer(state, "count", owner);
        Average = FeedbackJson.Number(state, "average", owner);
    }
}
