// The training step and evaluation over a Batch (Data/Batching/Batch.cs: PAD 0, BOS 2, EOS 3).
//   encoder-decoder  encoder reads SourceIds (B, S) with SourceLengths as its key mask; the decoder reads
//                    DecoderInputIds (B, T) causally and cross-attends to the encoder output
//   decoder-only     row b is ONE sequence: its source (SourceIds[b, :SourceLengths[b]], source + EOS) followed
//                    by its decoder input (BOS + target) at rows SourceVocabularySize + id of the joint table,
//                    padded with PAD to L = max_b(SourceLengths[b] + TargetLengths[b]) (B, L); causal
//                    attention over the whole row, loss only on the target part
// Both predict DecoderOutputIds (B, T) (target + EOS), ignoring PAD. Gradients are those of the SUMMED loss
// (BatchLoss.Sum): to train on the mean, scale the gradient block by 1 / (tokens of the update) before clipping.
using Ramp.Training.Data.Batching;
using Ramp.Training.Memory;
using Ramp.Training.Randomness;

namespace Ramp.Training.Models;

public sealed partial class TransformerModel
{
    private int[] _packedTokens = [];
    private int[] _packedStarts = [];
    private FloatSlice _memory;
    private int _packedLength;

    /// <summary>
    /// One training pass over <paramref name="batch"/> with dropout on: returns the summed label-smoothed loss and
    /// ADDS the gradient of that sum to <see cref="Gradients"/> (call <see cref="ZeroGradients"/> before the first
    /// batch of an update; several calls accumulate). Allocates no managed memory once the arena has grown to the
    /// largest batch shape seen.
    /// </summary>
    /// <param name="batch">Source (B, S) and target (B, T) ids; see the file comment for decoder-only models.</param>
    /// <param name="labelSmoothing">ε in [0, 1] of the cross-entropy (the paper's 0.1).</param>
    /// <param name="dropoutRandom">The dropout generator; advances by the masks drawn (none when every dropout is 0).</param>
    /// <exception cref="ArgumentException">A sequence is longer than <see cref="TransformerShape.MaxPositions"/>, an id is outside its vocabulary, or ε is outside [0, 1].</exception>
    public BatchLoss ForwardBackward(Batch batch, float labelSmoothing, RandomGenerator dropoutRandom)
    {
        ArgumentNullException.ThrowIfNull(dropoutRandom);
        CheckBatch(batch);
        if (!(labelSmoothing is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1].");
        }

        _context.Begin(training: true, dropoutRandom);
        var rows = batch.Size * batch.TargetLength;
        _head.Logits(_context, Forward(batch), rows);
        var loss = _head.Loss(_context, batch.DecoderOutputIds, labelSmoothing, withGradient: true);
        Backward(batch, _head.Backward(_context));
        return loss;
    }

    /// <summary>The summed negative log-likelihood of <paramref name="batch"/>, with dropout off and no smoothing; gradients untouched.</summary>
    /// <param name="batch">A batch, read as by <see cref="ForwardBackward"/>.</param>
    /// <exception cref="ArgumentException">A sequence is too long or an id is outside its vocabulary.</exception>
    public BatchLoss Evaluate(Batch batch)
    {
        CheckBatch(batch);
        Logits(batch);
        return _head.Loss(_context, batch.DecoderOutputIds, 0f, withGradient: false);
    }

    /// <summary>The logits (B·T, V) of a batch with dropout off; valid until the next pass.</summary>
    internal FloatSlice Logits(Batch batch)
    {
        _context.Begin(training: false, null);
        return _head.Logits(_context, Forward(batch), batch.Size * batch.TargetLength);
    }

    // Returns the decoder's hidden states at the target positions, (B, T, C).
    private FloatSlice Forward(Batch batch)
    {
        var b = batch.Size;
        var t = batch.TargetLength;
        if (_encoder is not null)
        {
            _memory = _encoder.Forward(_context, batch.SourceIds, b, batch.SourceLength, batch.SourceLengths, default, 0, []);
            return _decoder.Forward(_context, batch.DecoderInputIds, b, t, [], _memory, batch.SourceLength, batch.SourceLengths);
        }

        Pack(batch);
        var all = _decoder.Forward(_context, _packedTokens.AsMemory(0, b * _packedLength), b, _packedLength, [], default, 0, []);
        var c = Shape.Channels;
        var hidden = _context.AllocateZeroed(b * t * c);
        for (var row = 0; row < b; row++)
        {
            var count = batch.TargetLengths[row] * c;
            all.Span.Slice(((row * _packedLength) + _packedStarts[row]) * c, count).CopyTo(hidden.Span.Slice(row * t * c, count));
        }

        return hidden;
    }

    private void Backward(Batch batch, FloatSlice hiddenGradient)
    {
        var b = batch.Size;
        var c = Shape.Channels;
        if (_encoder is not null)
        {
            var memoryGradient = _context.AllocateZeroed(b * batch.SourceLength * c);
            _decoder.Backward(_context, hiddenGradient, memoryGradient);
            _encoder.Backward(_context, memoryGradient, default);
            return;
        }

        var t = batch.TargetLength;
        var allGradient = _context.AllocateZeroed(b * _packedLength * c);
        for (var row = 0; row < b; row++)
        {
            var count = batch.TargetLengths[row] * c;
            hiddenGradient.Span.Slice(row * t * c, count).CopyTo(allGradient.Span.Slice(((row * _packedLength) + _packedStarts[row]) * c, count));
        }

        _decoder.Backward(_context, allGradient, default);
    }

    // Decoder-only: row b = source + EOS, then BOS + target shifted into the target rows of the joint table.
    private void Pack(Batch batch)
    {
        var b = batch.Size;
        var length = 0;
        for (var row = 0; row < b; row++)
        {
            length = Math.Max(length, batch.SourceLengths[row] + batch.TargetLengths[row]);
        }

        _packedLength = length;
        if (_packedTokens.Length < b * length)
        {
            _packedTokens = new int[b * length];
        }

        if (_packedStarts.Length < b)
        {
            _packedStarts = new int[b];
        }

        var offset = Shape.TargetEmbeddingOffset;
        for (var row = 0; row < b; row++)
        {
            var tokens = _packedTokens.AsSpan(row * length, length);
            var sourceLength = batch.SourceLengths[row];
            batch.SourceIds.AsSpan(row * batch.SourceLength, sourceLength).CopyTo(tokens);
            var targetLength = batch.TargetLengths[row];
            var input = batch.DecoderInputIds.AsSpan(row * batch.TargetLength, targetLength);
            for (var i = 0; i < targetLength; i++)
            {
                tokens[sourceLength + i] = input[i] + offset;
            }

            tokens[(sourceLength + targetLength)..].Clear();
            _packedStarts[row] = sourceLength;
        }
    }

    private void CheckBatch(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var longest = batch.SourceLength;
        if (Shape.Architecture == TransformerArchitecture.DecoderOnly)
        {
            longest = 0;
            for (var row = 0; row < batch.Size; row++)
            {
                longest = Math.Max(longest, batch.SourceLengths[row] + batch.TargetLengths[row]);
            }
        }

        longest = Math.Max(longest, batch.TargetLength);
        if (longest > Shape.MaxPositions)
        {
            throw new ArgumentException($"The batch has a sequence of {longest} positions; the model takes at most {Shape.MaxPositions} (model.max_positions).", nameof(batch));
        }

        CheckIds(batch.SourceIds, Shape.SourceVocabularySize, "source");
        CheckIds(batch.DecoderInputIds, Shape.TargetVocabularySize, "target");
        CheckIds(batch.DecoderOutputIds, Shape.TargetVocabularySize, "target");
    }

    private static void CheckIds(int[] ids, int vocabularySize, string side)
    {
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)vocabularySize)
            {
                throw new ArgumentException($"The batch has {side} token id {id}; the {side} vocabulary is [0, {vocabularySize}).", nameof(ids));
            }
        }
    }
}
