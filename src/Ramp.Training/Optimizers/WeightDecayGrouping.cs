// The default split of a model into two parameter groups, as in nanoGPT and Hugging Face trainers:
// weight matrices and token embeddings decay; biases, layer-norm gains/shifts and position embeddings
// do not. The rule is a plain predicate, so a caller can pass its own.
namespace Ramp.Training.Optimizers;

/// <summary>Splits a layout into a decaying and a non-decaying parameter group.</summary>
public static class WeightDecayGrouping
{
    /// <summary>Name of the group whose parameters decay.</summary>
    public const string DecayGroupName = "decay";

    /// <summary>Name of the group whose parameters do not decay.</summary>
    public const string NoDecayGroupName = "no_decay";

    /// <summary>
    /// The default rule: <see cref="ParameterRole.LinearWeight"/> and <see cref="ParameterRole.TokenEmbedding"/>
    /// decay; <see cref="ParameterRole.Bias"/>, <see cref="ParameterRole.NormWeight"/>, <see cref="ParameterRole.NormBias"/>
    /// and <see cref="ParameterRole.PositionEmbedding"/> do not; any other parameter decays when it has two or more dimensions.
    /// </summary>
    /// <param name="parameter">A parameter of a layout (its kind already resolved).</param>
    public static bool DecaysByDefault(ParameterEntry parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Kind switch
        {
            ParameterRole.LinearWeight or ParameterRole.TokenEmbedding => true,
            ParameterRole.Bias or ParameterRole.NormWeight or ParameterRole.NormBias or ParameterRole.PositionEmbedding => false,
            _ => parameter.Shape.Count >= 2,
        };
    }

    /// <summary>Two groups, <c>decay</c> (with <paramref name="weightDecay"/>) then <c>no_decay</c> (with 0), sharing one learning rate.</summary>
    /// <param name="layout">The model's parameter layout.</param>
    /// <param name="learningRate">Base learning rate of both groups.</param>
    /// <param name="weightDecay">Weight decay of the decaying group.</param>
    /// <param name="decays">Which parameters decay; <see cref="DecaysByDefault"/> when null.</param>
    public static IReadOnlyList<ParameterGroup> Split(ParameterLayout layout, double learningRate, double weightDecay,
        Func<ParameterEntry, bool>? decays = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        decays ??= DecaysByDefault;
        var decaying = new List<ParameterEntry>();
        var others = new List<ParameterEntry>();
        foreach (var parameter in layout.Entries)
        {
            (decays(parameter) ? decaying : others).Add(parameter);
        }
        return
        [
            ParameterGroup.Of(DecayGroupName, decaying, learningRate, weightDecay),
            ParameterGroup.Of(NoDecayGroupName, others, learningRate, 0),
        ];
    }
}
