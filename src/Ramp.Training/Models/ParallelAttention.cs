// Layers/Attention run one batch row per chunk across the WorkerPool: the per-head products of a row are
// far too small for GEMM's own threads, but the rows are independent. Each thread gets its own scratch.
// The query, key and value gradients of a row are cleared inside its chunk (Attention.Backward adds), while
// they are in cache, instead of in a separate pass.
using Ramp.Training.Layers;
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>Forward and backward of the attention core, parallel over batch rows.</summary>
internal sealed class ParallelAttention(WorkerPool pool)
{
    private readonly AttentionJob _job = new();

    /// <summary>Attention.Forward over (B, Tq, C) queries and (B, Tk, C) keys and values.</summary>
    public void Forward(
        StepContext context, FloatSlice query, FloatSlice key, FloatSlice value, int[] keyLengths, FloatSlice dropoutMask,
        int batchSize, int queryLength, int keyLength, int channels, int headCount, bool causal,
        FloatSlice weights, FloatSlice output)
    {
        Prepare(context, query, key, value, keyLengths, dropoutMask, queryLength, keyLength, channels, headCount, causal, weights);
        _job.Backward = false;
        _job.Output = output;
        pool.Run(_job, batchSize, 1);
    }

    /// <summary>Attention.Backward; the query, key and value gradients are OVERWRITTEN.</summary>
    public void Backward(
        StepContext context, FloatSlice outputGradient, FloatSlice query, FloatSlice key, FloatSlice value, FloatSlice weights,
        int[] keyLengths, FloatSlice dropoutMask, int batchSize, int queryLength, int keyLength, int channels, int headCount, bool causal,
        FloatSlice queryGradient, FloatSlice keyGradient, FloatSlice valueGradient)
    {
        Prepare(context, query, key, value, keyLengths, dropoutMask, queryLength, keyLength, channels, headCount, causal, weights);
        _job.Backward = true;
        (_job.OutputGradient, _job.QueryGradient, _job.KeyGradient, _job.ValueGradient) = (outputGradient, queryGradient, keyGradient, valueGradient);
        pool.Run(_job, batchSize, 1);
    }

    private void Prepare(
        StepContext context, FloatSlice query, FloatSlice key, FloatSlice value, int[] keyLengths, FloatSlice dropoutMask,
        int queryLength, int keyLength, int channels, int headCount, bool causal, FloatSlice weights)
    {
        var job = _job;
        (job.Query, job.Key, job.Value, job.KeyLengths, job.DropoutMask) = (query, key, value, keyLengths, dropoutMask);
        (job.QueryLength, job.KeyLength, job.Channels, job.HeadCount, job.Causal, job.Weights) = (queryLength, keyLength, channels, headCount, causal, weights);
        job.ScratchLength = Attention.ScratchLength(queryLength, keyLength);
        job.Scratch = context.Allocate(pool.Count * job.ScratchLength);
    }

    private sealed class AttentionJob : IRangeJob
    {
        public bool Backward;
        public FloatSlice Query;
        public FloatSlice Key;
        public FloatSlice Value;
        public int[] KeyLengths = [];
        public FloatSlice DropoutMask;
        public int QueryLength;
        public int KeyLength;
        public int Channels;
        public int HeadCount;
        public bool Causal;
        public FloatSlice Weights;
        public FloatSlice Scratch;
        public int ScratchLength;
        public FloatSlice Output;
        public FloatSlice OutputGradient;
        public FloatSlice QueryGradient;
        public FloatSlice KeyGradient;
        public FloatSlice ValueGradient;

        public void Run(int start, int end, int worker)
        {
            var scratch = Scratch.Span.Slice(worker * ScratchLength, ScratchLength);
            var queryRow = QueryLength * Channels;
            var keyRow = KeyLength * Channels;
            var plane = HeadCount * QueryLength * KeyLength;
            for (var b = start; b < end; b++)
            {
                var lengths = KeyLengths.Length == 0 ? default : KeyLengths.AsSpan(b, 1);
                var mask = DropoutMask.Length == 0 ? default : DropoutMask.Span.Slice(b * plane, plane);
                var query = Query.Span.Slice(b * queryRow, queryRow);
                var key = Key.Span.Slice(b * keyRow, keyRow);
                var value = Value.Span.Slice(b * keyRow, keyRow);
                var weights = Weights.Span.Slice(b * plane, plane);
                if (!Backward)
                {
                    Attention.Forward(
                        query, key, value, lengths, mask, 1, QueryLength, KeyLength, Channels, HeadCount, Causal,
                        weights, scratch, Output.Span.Slice(b * queryRow, queryRow));
                    continue;
                }

                var queryGradient = QueryGradient.Span.Slice(b * queryRow, queryRow);
                var keyGradient = KeyGradient.Span.Slice(b * keyRow, keyRow);
                var valueGradient = ValueGradient.Span.Slice(b * keyRow, keyRow);
                queryGradient.Clear();
                keyGradient.Clear();
                valueGradient.Clear();
                Attention.Backward(
                    OutputGradient.Span.Slice(b * queryRow, queryRow), query, key, value, weights, lengths, mask,
                    1, QueryLength, KeyLength, Channels, HeadCount, Causal, scratch, queryGradient, keyGradient, valueGradient);
            }
        }
    }
}
