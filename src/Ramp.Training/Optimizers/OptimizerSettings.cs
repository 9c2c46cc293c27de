// Hyperparameters other than the learning rate and weight decay (which live on ParameterGroup because the
// trainer changes them). Each optimizer has one sealed settings record; defaults are PyTorch 1.13's.
// Settings are saved in optimizer state files as JSON, with camelCase property names.
namespace Ramp.Training.Optimizers;

/// <summary>Base of the per-optimizer hyperparameter records.</summary>
public abstract record OptimizerSettings
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of its range.</summary>
    /// <param name="groupName">The group these settings belong to, for the message.</param>
    internal abstract void Validate(string groupName);

    private protected static void Require(bool condition, string groupName, string name, double value, string allowed)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"Group '{groupName}': {name} = {value} is not allowed; {allowed}.");
        }
    }
}
