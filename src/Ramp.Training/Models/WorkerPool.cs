// The threads that share the row-wise work of a training step outside GEMM (attention per batch row,
// cross-entropy, layer norm, element-wise passes): the calling thread plus Count - 1 workers, Count being
// Gemm.ThreadCount (RAMP_THREADS). A job is cut into chunks of a fixed size that threads claim one at a
// time from a shared counter, so a worker that is descheduled or slow to wake never holds up the caller
// (it finds nothing left), and results do not depend on which thread ran a chunk. Workers spin briefly
// after a job, to catch the next one of a step without a wake-up, then sleep. No allocation per job.
using System.Diagnostics;

namespace Ramp.Training.Models;

/// <summary>Work over a range of items, run in chunks; worker is the index of the running thread (0 = caller).</summary>
internal interface IRangeJob
{
    void Run(int start, int end, int worker);
}

/// <summary>A caller plus worker threads that split ranges of items.</summary>
internal sealed class WorkerPool : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private IRangeJob? _job;
    private int _count;
    private int _chunk;
    private int _next;
    private long _generation;
    private int _open;
    private int _active;
    private int _sleepers;
    private volatile bool _stopping;

    public WorkerPool(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _workers = new Thread[count - 1];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Thread(WorkerLoop) { IsBackground = true, Name = $"Ramp model worker {w + 1}" };
            _workers[w].Start(w + 1);
        }
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
        Volatile.Write(ref _open, 1);
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        Work(0);
        Interlocked.Exchange(ref _open, 0);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _active) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _job = null;
    }

    public void Dispose()
    {
        _stopping = true;
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            Monitor.PulseAll(_gate);
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    private void Work(int worker)
    {
        var job = _job!;
        while (true)
        {
            var start = Interlocked.Add(ref _next, _chunk) - _chunk;
            if (start >= _count)
            {
                return;
            }

            job.Run(start, Math.Min(start + _chunk, _count), worker);
        }
    }

    private void WorkerLoop(object? state)
    {
        var index = (int)state!;
        long seen = 0;
        while (true)
        {
            seen = WaitForJob(seen);
            if (_stopping)
            {
                return;
            }

            // Register before looking at the job: once the caller has closed a job it waits for every
            // registered worker to leave before it returns and reuses the fields.
            Interlocked.Increment(ref _active);
            if (Volatile.Read(ref _open) == 1)
            {
                Work(index);
            }

            Interlocked.Decrement(ref _active);
        }
    }

    private long WaitForJob(long seen)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() - start < SpinTicks)
        {
            var generation = Volatile.Read(ref _generation);
            if (generation != seen)
            {
                return generation;
            }

            Thread.SpinWait(50);
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                while (Volatile.Read(ref _generation) == seen)
                {
                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }

            return Volatile.Read(ref _generation);
        }
    }
}
