// How a warmup sits on the schedule it wraps.
namespace Ramp;

/// <summary>Where the wrapped schedule's clock stands during and after a warmup.</summary>
public enum WarmupMode
{
    /// <summary>
    /// The warmup comes first: during it the rate ramps to the wrapped schedule's value at its own step 0, and
    /// the wrapped schedule's clock starts when the warmup ends (Hugging Face, optax, Paddle, timm's
    /// <c>warmup_prefix=True</c>).
    /// </summary>
    Prefix,

    /// <summary>
    /// The warmup is a factor that multiplies the wrapped schedule from step 0 and fades out to 1
    /// (pytorch_warmup's dampening).
    /// </summary>
    Overlay,
}
