// Compares floats within an absolute tolerance, for collection assertions.
namespace Ramp.Training.Tests.Optimizers;

internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
