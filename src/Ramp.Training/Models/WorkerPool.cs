// The threads that share the row-wise work of a training step outside GEMM (attention per batch row,
// cross-entropy, layer norm, element-wise passes): the calling thread plus Count - 1 workers (WorkerThreads),
// Count being Gemm.ThreadCount (RAMP_THREADS). A job is cut into chunks of a fixed size that threads claim one
// at a time from a shared counter, so a worker that is descheduled or slow to wake never holds up the caller
// (it finds nothing left), and results do not depend on which thread ran a chunk. No allocation per job.
using Ramp.Training.Threading;

namespace Ramp.Training.Models;

/// <summary>Work over a range of items, run in chunks; worker is the index of the running thread (0 = caller).</summary>
internal interface IRangeJob
{
    void Run(int start, int end, int worker);
}

/// <summary>A caller plus worker threads that split ranges of items.</summary>
internal sealed class WorkerPool : IDisposable, ITeamWork
{
    private readonly WorkerThreads _threads;
    private IRangeJob? _job;
    private int _count;
    private int _chunk;
    private int _next;

    public WorkerPool(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _threads = new WorkerThreads(count, "Ramp model worker", this);
    }

    /// <summary>Threads, the caller included: the largest worker index plus one.</summary>
    public int Count { get; }

    /// <summary>
    /// Runs <paramref name="job"/> over [0, <paramref name="count"/>) in chunks of <paramref name="chunk"/> items (the
    /// same chunks whatever the thread count); returns when all are done.
    /// </summary>
    public void Run(IRangeJob job, int count, int chunk)
    {
        if (count <= 0)
        {
            return;
        }

        if (Count == 1 || count <= chunk)
        {
            for (var start = 0; start < count; start += chunk)
            {
                job.Run(start, Math.Min(start + chunk, count), 0);
            }

            return;
        }

        _job = job;
        _count = count;
        _chunk = chunk;
        _next = 0;
        _threads.Run();
        _job = null;
    }

    public void Dispose() => _threads.Dispose();

    /// <inheritdoc/>
    public void Work(int index)
    {
        var job = _job!;
        while (true)
        {
            var start = Interlocked.Add(ref _next, _chunk) - _chunk;
            if (start >= _count)
            {
                return;
            }

            job.Run(start, Math.Min(start + _chunk, _count), index);
        }
    }
}
