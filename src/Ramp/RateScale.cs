// Whether a schedule's value multiplies each parameter group's base rate or is the rate itself.
// PyTorch and Hugging Face schedules are relative; Keras, optax, CyclicLR and OneCycleLR are absolute.
namespace Ramp;

/// <summary>How the value of a <see cref="Schedule"/> is turned into a learning rate.</summary>
public enum RateScale
{
    /// <summary>The value is a factor: the rate of a parameter group is its base rate times the value.</summary>
    Relative,

    /// <summary>The value is the learning rate itself; base rates are ignored.</summary>
    Absolute,
}
