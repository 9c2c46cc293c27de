// exp for decay factors: below the smallest normal double (e^-708.4 ≈ 2.2e-308) the factor is returned as 0.
// Math.Exp takes a slow path for subnormal and underflowing results (several times slower here), which a
// long exponential or step decay reaches; a factor that small is 0 for any learning rate.
namespace Ramp;

internal static class DecayMath
{
    private const double SmallestNormalExponent = -708.3964185322641;

    public static double Exp(double exponent) => exponent < SmallestNormalExponent ? 0 : Math.Exp(exponent);
}
