// RAdam's variance rectification term (Liu et al. 2020), used as a warmup factor (Ma & Yarats 2021).
// ρ∞ = 2/(1 − β2) − 1; ρ(t) = ρ∞ − 2t·β2^t/(1 − β2^t) for t = 1, 2, ...;
// r(t) = √((ρ(t) − 4)(ρ(t) − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ(t))), defined where ρ(t) > 4.
// The warmup starts at the offset δ, the smallest t >= 1 with ρ(t) > 4: ω(step) = r(step + δ), as pytorch_warmup.
namespace Ramp;

internal static class RAdamRectification
{
    /// <summary>ρ∞ = 2/(1 − β2) − 1, the length of the approximated simple moving average at t → ∞.</summary>
    public static double RhoInfinity(double beta2) => (2.0 / (1 - beta2)) - 1;

    /// <summary>ρ(t) = ρ∞ − 2t·β2^t/(1 − β2^t), with β2^t computed as exp(t·ln β2).</summary>
    public static double Rho(double t, double logBeta2, double rhoInfinity)
    {
        var power = Math.Exp(t * logBeta2);
        return rhoInfinity - (2 * t * power / (1 - power));
    }

    /// <summary>The smallest t >= 1 with ρ(t) > 4; needs β2 > 0.6 (so that ρ∞ > 4).</summary>
    public static long Offset(double beta2)
    {
        var rhoInfinity = RhoInfinity(beta2);
        var logBeta2 = Math.Log(beta2);
        var t = 1L;
        while (Rho(t, logBeta2, rhoInfinity) <= 4)
        {
            t++;
        }

        return t;
    }

    /// <summary>The constant ρ∞/((ρ∞ − 4)(ρ∞ − 2)) of the rectification term.</summary>
    public static double Scale(double rhoInfinity) => rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2));

    /// <summary>The rectification r(t) = √((ρ − 4)(ρ − 2)/ρ · scale) at iteration <paramref name="t"/> (1-based), where ρ(t) > 4.</summary>
    public static double Factor(double t, double logBeta2, double rhoInfinity, double scale)
    {
        var rho = Rho(t, logBeta2, rhoInfinity);
        return Math.Sqrt((rho - 4) * (rho - 2) / rho * scale);
    }

    /// <summary>Checks β2 for a RAdam warmup: in (0.6, 1), where ρ∞ > 4 and the offset exists.</summary>
    public static void Validate(double beta2, string parameter)
    {
        if (!(beta2 is > 0.6 and < 1))
        {
            throw new ArgumentOutOfRangeException(parameter, beta2, $"beta2={SpecNumber.Format(beta2)} must be in (0.6, 1): at or below 0.6 RAdam never leaves its SGD phase");
        }
    }
}
