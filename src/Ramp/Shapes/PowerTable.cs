// x^n for a whole n >= 0 with exactly Math.Pow's value (what a peer's float ** or pow gives), at the cost of a
// load for the first 64 powers, computed once; larger or fractional n call Math.Pow. For decay counts and cycle
// indices, which stay small in practice while Math.Pow costs tens of nanoseconds on a query path.
namespace Ramp;

internal sealed class PowerTable
{
    private const int Size = 64;
    private readonly double[] powers = new double[Size];
    private readonly double value;

    /// <summary>Tabulates the powers of <paramref name="value"/>.</summary>
    public PowerTable(double value)
    {
        this.value = value;
        for (var exponent = 0; exponent < Size; exponent++)
        {
            powers[exponent] = Math.Pow(value, exponent);
        }
    }

    /// <summary><c>Math.Pow(value, exponent)</c>.</summary>
    public double Of(long exponent) => (ulong)exponent < Size ? powers[exponent] : Math.Pow(value, exponent);

    /// <summary><c>Math.Pow(value, exponent)</c>, from the table when <paramref name="exponent"/> is a whole number below 64.</summary>
    public double Of(double exponent)
    {
        var whole = (int)exponent;
        return whole == exponent && (uint)whole < Size ? powers[whole] : Math.Pow(value, exponent);
    }
}
