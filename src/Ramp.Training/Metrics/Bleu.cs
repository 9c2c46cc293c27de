// Corpus BLEU with sacreBLEU's exact semantics: n-gram counts clipped by the maximum count in any
// reference, the closest reference length (shorter on ties), brevity penalty, smoothing methods none,
// floor, add-k and exp (mteval's NIST smoothing, sacreBLEU's default), optional effective order.
namespace Ramp.Training.Metrics;

/// <summary>sacreBLEU's smoothing methods.</summary>
public enum BleuSmoothing
{
    /// <summary>No smoothing.</summary>
    None,

    /// <summary>Zero-match orders get precision <c>value / total</c> (default value 0.1).</summary>
    Floor,

    /// <summary>Add k (default 1) to matches and totals of orders 2 and up.</summary>
    AddK,

    /// <summary>mteval's exponential smoothing: the k-th zero-match order gets <c>1 / (2^k total)</c>.</summary>
    Exponential,
}

/// <summary>Options of a BLEU computation; the defaults are sacreBLEU's with the <c>zh</c> tokenizer.</summary>
public sealed record BleuOptions
{
    /// <summary>The tokenization; sacreBLEU uses <c>zh</c> for Chinese targets.</summary>
    public BleuTokenization Tokenization { get; init; } = BleuTokenization.Chinese;

    /// <summary>The smoothing method.</summary>
    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exponential;

    /// <summary>The value for floor (default 0.1) and add-k (default 1) smoothing; null takes the default.</summary>
    public double? SmoothingValue { get; init; }

    /// <summary>Whether to lowercase before tokenizing.</summary>
    public bool Lowercase { get; init; }

    /// <summary>Whether to stop at the highest order with any hypothesis n-grams (for sentence-level BLEU).</summary>
    public bool EffectiveOrder { get; init; }

    /// <summary>The highest n-gram order.</summary>
    public int MaxOrder { get; init; } = 4;
}

/// <summary>Computes corpus BLEU.</summary>
public static class Bleu
{
    /// <summary>BLEU of <paramref name="hypotheses"/> against one or more reference streams.</summary>
    /// <param name="hypotheses">One system output per segment.</param>
    /// <param name="references">Reference streams, each with one reference per segment.</param>
    /// <param name="options">Tokenization and smoothing; null for the defaults.</param>
    public static BleuScore Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        options ??= new BleuOptions();
        if (options.MaxOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxOrder, "MaxOrder must be 1 or more");
        }

        if (references.Count == 0)
        {
            throw new ArgumentException("at least one reference stream is needed", nameof(references));
        }

        foreach (var stream in references)
        {
            if (stream.Count != hypotheses.Count)
            {
                throw new ArgumentException($"a reference stream has {stream.Count} segments but there are {hypotheses.Count} hypotheses", nameof(references));
            }
        }

        var order = options.MaxOrder;
        var correct = new double[order];
        var total = new double[order];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (var segment = 0; segment < hypotheses.Count; segment++)
        {
            var hypothesis = Tokens(hypotheses[segment], options);
            var referenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            var closest = -1;
            foreach (var stream in references)
            {
                var reference = Tokens(stream[segment], options);
                foreach (var (gram, count) in NGrams(reference, order))
                {
                    referenceCounts[gram] = Math.Max(count, referenceCounts.GetValueOrDefault(gram));
                }

                var difference = Math.Abs(hypothesis.Length - reference.Length);
                var best = Math.Abs(hypothesis.Length - closest);
                if (closest < 0 || difference < best || (difference == best && reference.Length < closest))
                {
                    closest = reference.Length;
                }
            }

            foreach (var (gram, count) in NGrams(hypothesis, order))
            {
                var n = Order(gram) - 1;
                total[n] += count;
                correct[n] += Math.Min(count, referenceCounts.GetValueOrDefault(gram));
            }

            hypothesisLength += hypothesis.Length;
            referenceLength += closest;
        }

        return FromStatistics(correct, total, hypothesisLength, referenceLength, options);
    }

    /// <summary>BLEU from sufficient statistics, as sacreBLEU's <c>compute_bleu</c>.</summary>
    public static BleuScore FromStatistics(IReadOnlyList<double> correct, IReadOnlyList<double> total, long hypothesisLength, long referenceLength, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(total);
        options ??= new BleuOptions();
        var order = options.MaxOrder;
        if (correct.Count != order || total.Count != order)
        {
            throw new ArgumentException($"statistics must have {order} orders", nameof(correct));
        }

        var matches = correct.ToArray();
        var counts = total.ToArray();
        var brevity = hypothesisLength >= referenceLength ? 1.0
            : hypothesisLength > 0 ? Math.Exp(1 - ((double)referenceLength / hypothesisLength)) : 0.0;
        var precisions = new double[order];
        if (matches.All(match => match == 0))
        {
            return new BleuScore(0, matches, counts, precisions, brevity, hypothesisLength, referenceLength);
        }

        var smoothingValue = options.SmoothingValue ?? (options.Smoothing == BleuSmoothing.AddK ? 1.0 : 0.1);
        var exponential = 1.0;
        var effective = order;
        for (var n = 0; n < order; n++)
        {
            if (options.Smoothing == BleuSmoothing.AddK && n > 0)
            {
                matches[n] += smoothingValue;
                counts[n] += smoothingValue;
            }

            if (counts[n] == 0)
            {
                break;
            }

            if (options.EffectiveOrder)
            {
                effective = n + 1;
            }

            if (matches[n] == 0)
            {
                if (options.Smoothing == BleuSmoothing.Exponential)
                {
                    exponential *= 2;
                    precisions[n] = 100.0 / (exponential * counts[n]);
                }
                else if (options.Smoothing == BleuSmoothing.Floor)
                {
                    precisions[n] = 100.0 * smoothingValue / counts[n];
                }
            }
            else
            {
                precisions[n] = 100.0 * matches[n] / counts[n];
            }
        }

        // sacreBLEU takes log(0) as -9999999999, which drives the score to 0 without an exception.
        var logSum = 0.0;
        for (var n = 0; n < effective; n++)
        {
            logSum += precisions[n] == 0 ? -9999999999 : Math.Log(precisions[n]);
        }

        return new BleuScore(brevity * Math.Exp(logSum / effective), matches, counts, precisions, brevity, hypothesisLength, referenceLength);
    }

    private static string[] Tokens(string segment, BleuOptions options)
    {
        var text = segment.TrimEnd();
        if (options.Lowercase)
        {
            text = text.ToLowerInvariant();
        }

        return BleuTokenizer.Tokenize(text, options.Tokenization);
    }

    // n-grams of orders 1..maxOrder keyed by their tokens joined with spaces (tokens never contain one).
    private static Dictionary<string, int> NGrams(string[] tokens, int maxOrder)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 1; n <= maxOrder; n++)
        {
            for (var start = 0; start + n <= tokens.Length; start++)
            {
                var gram = string.Join(' ', tokens, start, n);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }

        return counts;
    }

    private static int Order(string gram) => gram.Count(character => character == ' ') + 1;
}
