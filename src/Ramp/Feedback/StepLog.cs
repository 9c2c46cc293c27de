// The steps at which a feedback schedule acted (a reduction, a cut), in order. A rate at step t depends on
// the actions recorded at steps < t: a metric measured after the update at step s changes rates from s + 1 on.
using System.Text.Json.Nodes;

namespace Ramp;

internal sealed class StepLog
{
    private readonly List<long> steps = [];

    public IReadOnlyList<long> Steps => steps;

    /// <summary>The number of recorded steps strictly before <paramref name="step"/>.</summary>
    public int CountBefore(long step)
    {
        var low = 0;
        var high = steps.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (steps[middle] < step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public void Add(long step) => steps.Add(step);

    public JsonArray Save() => [.. steps.Select(step => (JsonNode?)JsonValue.Create(step))];

    public void Load(JsonArray state, string owner)
    {
        steps.Clear();
        foreach (var item in state)
        {
            var step = item is JsonValue value && value.TryGetValue<long>(out var number) && number >= 0
                ? number
                : throw new ArgumentException($"the state of {owner} lists a step that is not an integer >= 0: {item?.ToJsonString()}", nameof(state));
            if (steps.Count > 0 && step < steps[^1])
            {
                throw new ArgumentException($"the state of {owner} lists steps out of order: {step} after {steps[^1]}", nameof(state));
            }

            steps.Add(step);
        }
    }
}
