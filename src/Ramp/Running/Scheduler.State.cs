// Saving and loading a Scheduler as JSON:
// { "format": "ramp.scheduler/1", "step": 1200,
//   "schedules": [ { "spec": "warmup(schedule=plateau(...), steps=100, ...)", "state": { ...feedback... } } ],
//   "groups": [ { "base_rate": 0.001, "schedule": 0 }, { "base_rate": 0.01, "schedule": 0 } ] }
// A schedule is saved by its definition (spec text), never by reference to code, so a state written by one
// program loads in another; groups that shared a schedule share it again after loading.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ramp;

public sealed partial class Scheduler
{
    /// <summary>The format tag written into and required from saved states.</summary>
    public const string StateFormat = "ramp.scheduler/1";

    // Indented, and with the spec text's quotes left as they are (the default encoder writes ' as \u0027).
    private static readonly JsonSerializerOptions TextOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Everything needed to continue: step, schedule definitions, base rates and feedback states.</summary>
    public JsonObject SaveState()
    {
        var savedSchedules = new JsonArray();
        foreach (var schedule in schedules)
        {
            savedSchedules.Add((JsonNode)new JsonObject { ["spec"] = schedule.ToString(), ["state"] = schedule.SaveState() });
        }

        var savedGroups = new JsonArray();
        for (var g = 0; g < groups.Length; g++)
        {
            savedGroups.Add((JsonNode)new JsonObject { ["base_rate"] = FeedbackJson.Number(groups[g].BaseRate), ["schedule"] = scheduleOfGroup[g] });
        }

        return new JsonObject
        {
            ["format"] = StateFormat,
            ["step"] = CurrentStep,
            ["schedules"] = savedSchedules,
            ["groups"] = savedGroups,
        };
    }

    /// <summary><see cref="SaveState"/> as indented JSON text, for a checkpoint file a person can read.</summary>
    public string SaveStateText() => SaveState().ToJsonString(TextOptions);

    /// <summary>Rebuilds a scheduler from <see cref="SaveState"/>'s output; it continues exactly where the saved one stood.</summary>
    /// <param name="state">The saved state.</param>
    /// <param name="catalog">The catalog to parse the schedule definitions with; the built-in one by default.</param>
    public static Scheduler Load(JsonNode state, ScheduleCatalog? catalog = null)
    {
        catalog ??= ScheduleCatalog.Default;
        var saved = FeedbackJson.Object(state, "a scheduler");
        if (saved["format"]?.GetValue<string>() != StateFormat)
        {
            throw new ArgumentException($"not a scheduler state: format is {saved["format"]?.ToJsonString() ?? "missing"}, expected \"{StateFormat}\"", nameof(state));
        }

        var step = FeedbackJson.Integer(saved, "step", "a scheduler");
        if (step < 0)
        {
            throw new ArgumentException($"scheduler state: step {step} must be >= 0", nameof(state));
        }

        var built = new List<Schedule>();
        foreach (var item in FeedbackJson.Array(saved, "schedules", "a scheduler"))
        {
            var entry = FeedbackJson.Object(item, "a scheduler's schedule");
            var spec = entry["spec"]?.GetValue<string>() ?? throw new ArgumentException("scheduler state: a schedule has no \"spec\"", nameof(state));
            var schedule = catalog.Parse(spec);
            schedule.LoadState(entry["state"]);
            built.Add(schedule);
        }

        var loadedGroups = new List<GroupSchedule>();
        foreach (var item in FeedbackJson.Array(saved, "groups", "a scheduler"))
        {
            var group = FeedbackJson.Object(item, "a scheduler's group");
            var index = FeedbackJson.Integer(group, "schedule", "a scheduler's group");
            if (index < 0 || index >= built.Count)
            {
                throw new ArgumentException($"scheduler state: group {loadedGroups.Count} names schedule {index}, but there are {built.Count}", nameof(state));
            }

            loadedGroups.Add(new GroupSchedule(FeedbackJson.Number(group, "base_rate", "a scheduler's group"), built[(int)index]));
        }

        return new Scheduler(loadedGroups, step);
    }

    /// <summary>Rebuilds a scheduler from the JSON text of <see cref="SaveState"/>.</summary>
    /// <param name="json">The saved state as JSON text.</param>
    /// <param name="catalog">The catalog to parse the schedule definitions with; the built-in one by default.</param>
    public static Scheduler Load(string json, ScheduleCatalog? catalog = null)
        => Load(JsonNode.Parse(json) ?? throw new ArgumentException("scheduler state: the JSON is null", nameof(json)), catalog);
}
