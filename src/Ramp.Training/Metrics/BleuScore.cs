// The result of a BLEU computation with its sufficient statistics, printed the way sacreBLEU prints it.
using System.Globalization;

namespace Ramp.Training.Metrics;

/// <summary>A corpus BLEU score (0..100) with its n-gram precisions, brevity penalty and counts.</summary>
/// <param name="Score">BLEU on the 0..100 scale.</param>
/// <param name="Correct">Matched n-grams per order (1-based order at index order-1).</param>
/// <param name="Total">Hypothesis n-grams per order.</param>
/// <param name="Precisions">n-gram precisions in percent, after smoothing.</param>
/// <param name="BrevityPenalty">exp(1 - r/c) when the hypotheses are shorter than the references, else 1.</param>
/// <param name="HypothesisLength">Total hypothesis tokens.</param>
/// <param name="ReferenceLength">Total closest-reference tokens.</param>
public sealed record BleuScore(
    double Score,
    IReadOnlyList<double> Correct,
    IReadOnlyList<double> Total,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    long HypothesisLength,
    long ReferenceLength)
{
    /// <summary>sacreBLEU's one-line form, e.g. <c>BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)</c>.</summary>
    public override string ToString()
    {
        var culture = CultureInfo.InvariantCulture;
        var precisions = string.Join('/', Precisions.Select(p => p.ToString("F1", culture)));
        var ratio = ReferenceLength == 0 ? 0 : (double)HypothesisLength / ReferenceLength;
        return string.Create(culture, $"BLEU = {Score:F2} {precisions} (BP = {BrevityPenalty:F3} ratio = {ratio:F3} hyp_len = {HypothesisLength} ref_len = {ReferenceLength})");
    }
}
