// How TransformerModel.Translate searches: greedy (Beam 1) or beam search whose finished hypotheses are
// ranked by GNMT's length-normalized score (Wu et al. 2016): log P(Y) / lp(Y), lp(Y) = ((5 + |Y|) / 6)^α,
// where |Y| counts the generated tokens including the end token.
namespace Ramp.Training.Decoding;

/// <summary>Search settings for translation and continuation.</summary>
public sealed record DecodingOptions
{
    /// <summary>Beam width; 1 decodes greedily.</summary>
    public int Beam { get; init; } = 1;

    /// <summary>GNMT's length penalty exponent α (0 ranks by the raw log-probability).</summary>
    public double LengthPenalty { get; init; } = 0.6;

    /// <summary>Most tokens generated before the end token is forced.</summary>
    public int MaxLength { get; init; } = 80;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Beam < 1)
        {
            throw new ArgumentException($"Beam = {Beam} is not allowed; expected at least 1.", nameof(Beam));
        }

        if (!(LengthPenalty >= 0) || !double.IsFinite(LengthPenalty))
        {
            throw new ArgumentException($"LengthPenalty = {LengthPenalty} is not allowed; expected a finite value >= 0.", nameof(LengthPenalty));
        }

        if (MaxLength < 1)
        {
            throw new ArgumentException($"MaxLength = {MaxLength} is not allowed; expected at least 1.", nameof(MaxLength));
        }
    }

    /// <summary>GNMT's length penalty lp = ((5 + length) / 6)^α.</summary>
    /// <param name="length">Generated tokens, the end token included.</param>
    public double Penalty(int length) => Math.Pow((5.0 + length) / 6.0, LengthPenalty);
}
