// The part of an optimizer that knows its settings type: resolves each group's settings (its own, or the
// optimizer's defaults), validates them, and reads and writes them as JSON for state files.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Ramp.Training.Optimizers;

/// <summary>An optimizer whose groups carry hyperparameters of type <typeparamref name="TSettings"/>.</summary>
/// <typeparam name="TSettings">The optimizer's settings record.</typeparam>
public abstract class Optimizer<TSettings> : Optimizer
    where TSettings : OptimizerSettings
{
    private protected Optimizer(int parameterCount, IEnumerable<ParameterGroup> groups, TSettings defaults)
        : base(parameterCount, groups)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        foreach (var group in Groups)
        {
            var settings = group.Settings switch
            {
                null => defaults,
                TSettings own => own,
                var other => throw new ArgumentException($"Group '{group.Name}' has {other.GetType().Name}; {GetType().Name} takes {typeof(TSettings).Name}.", nameof(groups)),
            };
            settings.Validate(group.Name);
            group.Settings = settings;
        }
    }

    /// <summary>The settings of <paramref name="group"/>.</summary>
    /// <param name="group">One of <see cref="Optimizer.Groups"/>.</param>
    public TSettings SettingsOf(ParameterGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Settings as TSettings
            ?? throw new ArgumentException($"Group '{group.Name}' does not hold {typeof(TSettings).Name}.", nameof(group));
    }

    private static JsonTypeInfo<TSettings> TypeInfo =>
        (JsonTypeInfo<TSettings>)OptimizerJsonContext.Default.GetTypeInfo(typeof(TSettings))!;

    private protected override JsonNode WriteSettings(OptimizerSettings settings) =>
        JsonSerializer.SerializeToNode((TSettings)settings, TypeInfo)!;

    private protected override OptimizerSettings ReadSettings(JsonNode node, string groupName)
    {
        var settings = node.Deserialize(TypeInfo)
            ?? throw new JsonException($"Group '{groupName}' has null settings.");
        settings.Validate(groupName);
        return settings;
    }
}
