// Measures a model on held-out pairs: loss and perplexity over every pair that fits (dropout off, no label
// smoothing; batches in a fixed length-sorted order), and corpus BLEU (sacreBLEU's zh tokenization by default)
// of decoded translations of the first N pairs, with a few of them kept as samples.
using Ramp.Training.Data.Batching;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Decoding;
using Ramp.Training.Metrics;
using Ramp.Training.Models;

namespace Ramp.Training.Training;

/// <summary>Loss, perplexity and BLEU of a model on a split.</summary>
public static class Evaluator
{
    /// <summary>The fixed batches of an evaluation split (no shuffling), or none when no pair fits the limits.</summary>
    /// <param name="pairs">Encoded pairs.</param>
    /// <param name="batchTokens">Token budget per batch side.</param>
    /// <param name="maxLength">Longest side kept, in tokens without the special token.</param>
    public static IReadOnlyList<Batch> Batches(IReadOnlyList<TokenizedPair> pairs, int batchTokens, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var options = new BatchingOptions { TokensPerBatch = batchTokens, MaximumSequenceLength = maxLength + 1, Shuffle = false };
        var fits = pairs.Any(pair => pair.Source.Length + 1 <= Math.Min(maxLength + 1, batchTokens) && pair.Target.Length + 1 <= Math.Min(maxLength + 1, batchTokens));
        if (!fits)
        {
            return [];
        }

        var batcher = new Batcher(pairs, options);
        return [.. batcher.PlanEpoch(0).Select(batcher.CreateBatch)];
    }

    /// <summary>Mean negative log-likelihood per target token over <paramref name="batches"/> (NaN for no tokens).</summary>
    public static double Loss(TransformerModel model, IReadOnlyList<Batch> batches)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        double sum = 0;
        long tokens = 0;
        foreach (var batch in batches)
        {
            var loss = model.Evaluate(batch);
            sum += loss.NegativeLogLikelihoodSum;
            tokens += loss.TokenCount;
        }

        return tokens == 0 ? double.NaN : sum / tokens;
    }

    /// <summary>Translates texts: encode, truncate to what the model accepts, decode, detokenize.</summary>
    public static IReadOnlyList<string> Translate(TransformerModel model, ITokenizer source, ITokenizer target, IReadOnlyList<string> texts, DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(texts);
        var longest = model.Shape.MaxPositions - 2;
        var ids = texts.Select(text => source.Encode(text)).Select(encoded => encoded.Length > longest ? encoded[..longest] : encoded).ToArray();
        return [.. model.Translate(ids, options).Select(output => target.Decode(output))];
    }

    /// <summary>Corpus BLEU of the first <paramref name="count"/> pairs (0: all) and the first <paramref name="samples"/> of them as samples.</summary>
    public static (BleuScore Score, IReadOnlyList<SampleTranslation> Samples) Bleu(TransformerModel model, ITokenizer source, ITokenizer target,
        IReadOnlyList<SentencePair> pairs, int count, int samples, DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var chosen = count == 0 ? pairs : pairs.Take(count).ToList();
        var hypotheses = Translate(model, source, target, [.. chosen.Select(pair => pair.Source)], options);
        var score = Metrics.Bleu.Corpus(hypotheses, [chosen.Select(pair => pair.Target).ToList()]);
        var kept = chosen.Take(samples).Select((pair, i) => new SampleTranslation(pair.Source, pair.Target, hypotheses[i])).ToList();
        return (score, kept);
    }
}
