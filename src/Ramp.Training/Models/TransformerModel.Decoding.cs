// Translation (encoder-decoder) and continuation (decoder-only) with cached keys and values: greedy for beam
// width 1, beam search otherwise (Decoding/). Sources are token ids without special tokens, as TokenizedPair
// holds them; the model appends EOS as the batcher does. The output is target ids without BOS and EOS.
// A decoder-only model continues the prompt "source + EOS, then BOS" (the layout it was trained on).
// Sources are decoded together in chunks of similar length, up to 64 hypotheses at a time.
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Decoding;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

public sealed partial class TransformerModel
{
    private const int MaximumDecodingRows = 64;

    /// <summary>Translates (or, for a decoder-only model, continues) one source.</summary>
    /// <param name="sourceIds">Source token ids without special tokens.</param>
    /// <param name="options">Beam width, length penalty and length limit.</param>
    /// <returns>Target ids without BOS and EOS.</returns>
    /// <exception cref="ArgumentException">An option is out of range, an id is outside the source vocabulary, or the source is too long.</exception>
    public int[] Translate(int[] sourceIds, DecodingOptions options) => Translate([sourceIds], options)[0];

    /// <summary>Translates many sources, decoding several at once; the result keeps their order.</summary>
    /// <param name="sources">Source token ids without special tokens, one array per sentence.</param>
    /// <param name="options">Beam width, length penalty and length limit.</param>
    /// <returns>Per source, target ids without BOS and EOS.</returns>
    /// <exception cref="ArgumentException">An option is out of range, an id is outside the source vocabulary, or a source is too long.</exception>
    public int[][] Translate(IReadOnlyList<int[]> sources, DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        options.Validate();
        var longestAllowed = Shape.MaxPositions - (Shape.Architecture == TransformerArchitecture.DecoderOnly ? 2 : 1);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            CheckIds(source, Shape.SourceVocabularySize, "source");
            if (source.Length > longestAllowed)
            {
                throw new ArgumentException($"A source has {source.Length} tokens; this model takes at most {longestAllowed} (model.max_positions).", nameof(sources));
            }
        }

        var order = Enumerable.Range(0, sources.Count).OrderBy(i => sources[i].Length).ToArray();
        var results = new int[sources.Count][];
        var chunkSize = Math.Max(1, MaximumDecodingRows / options.Beam);
        for (var start = 0; start < order.Length; start += chunkSize)
        {
            var chunk = order[start..Math.Min(order.Length, start + chunkSize)];
            var outputs = TranslateChunk([.. chunk.Select(i => sources[i])], options);
            for (var i = 0; i < chunk.Length; i++)
            {
                results[chunk[i]] = outputs[i];
            }
        }

        return results;
    }

    /// <summary>Decodes one chunk; <paramref name="forceBeamSearch"/> runs beam search even at width 1 (tests).</summary>
    internal int[][] TranslateChunk(int[][] sources, DecodingOptions options, bool forceBeamSearch = false)
    {
        using var session = CreateSession(sources, options.Beam, options.MaxLength, out var prompts, out var maxLength);
        return options.Beam == 1 && !forceBeamSearch
            ? GreedySearch.Run(session, prompts, maxLength)
            : BeamSearch.Run(session, prompts, options with { MaxLength = maxLength });
    }

    /// <summary>
    /// The cached decoder's logits for one source when it is fed the prompt and then <paramref name="target"/>:
    /// row t (V) predicts target[t] (tests compare it with the full forward pass).
    /// </summary>
    internal float[][] CachedLogits(int[] source, int[] target)
    {
        using var session = CreateSession([source], 1, target.Length, out var prompts, out _);
        session.Start([0]);
        var logits = new List<float[]>();
        for (var step = 0; step < prompts.Length(0) + target.Length; step++)
        {
            var generated = step - prompts.Length(0);
            session.Step([generated < 0 ? prompts.Token(0, step) : target[generated] + prompts.TargetOffset]);
            if (generated >= -1)
            {
                logits.Add(session.Logits(0).ToArray());
            }
        }

        return [.. logits];
    }

    // Encodes the sources (encoder-decoder) and opens a session with room for every prompt plus maxLength tokens,
    // the length limit cut to what the position table allows.
    private DecodingSession CreateSession(int[][] sources, int beam, int maxLength, out SearchPrompts prompts, out int allowedLength)
    {
        var count = sources.Length;
        var sourceLengths = new int[count];
        var memory = default(FloatSlice);
        var sourceLength = 0;
        if (_encoder is not null)
        {
            sourceLength = sources.Max(source => source.Length) + 1;
            var ids = new int[count * sourceLength];
            for (var s = 0; s < count; s++)
            {
                sources[s].CopyTo(ids, s * sourceLength);
                ids[(s * sourceLength) + sources[s].Length] = SpecialTokens.EndId;
                sourceLengths[s] = sources[s].Length + 1;
            }

            _context.Begin(training: false, null);
            memory = _encoder.Forward(_context, ids, count, sourceLength, sourceLengths, default, 0, []);
            prompts = new SearchPrompts([.. sources.Select(_ => new[] { SpecialTokens.BeginId })], 0);
        }
        else
        {
            var offset = Shape.TargetEmbeddingOffset;
            prompts = new SearchPrompts([.. sources.Select(source => (int[])[.. source, SpecialTokens.EndId, offset + SpecialTokens.BeginId])], offset);
        }

        allowedLength = Math.Min(maxLength, Shape.MaxPositions - prompts.Longest);
        return new DecodingSession(
            Shape, _parameters, Parameters, _sinusoids, _workers, count * beam, prompts.Longest + allowedLength,
            memory, sourceLengths, sourceLength);
    }
}
