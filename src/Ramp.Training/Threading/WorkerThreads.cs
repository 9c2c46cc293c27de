// The dedicated threads behind GemmTeam and WorkerPool: Size - 1 background workers that join the calling
// thread on one job at a time. The thread pool is not used: jobs of a few hundred microseconds cannot afford
// its queueing, and a training step runs them back to back, so workers spin briefly after a job (to catch the
// next one without a wake-up) and then sleep on a monitor. Owners hand out work so that the caller never waits
// for a worker that has not started (a late worker finds nothing left); a job is closed before Run returns,
// so a worker that wakes after that skips it. No allocation per job.
using System.Diagnostics;

namespace Ramp.Training.Threading;

/// <summary>What the threads of a <see cref="WorkerThreads"/> run for each job.</summary>
internal interface ITeamWork
{
    /// <summary>The job's share of thread <paramref name="index"/> (0 is the caller); returns when there is no more for it.</summary>
    void Work(int index);
}

/// <summary>A caller plus worker threads that run one job at a time.</summary>
internal sealed class WorkerThreads : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    private readonly ITeamWork _work;
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private long _generation;
    private int _open;
    private int _active;
    private int _sleepers;
    private volatile bool _stopping;

    /// <param name="size">Threads, the caller included; 1 starts none.</param>
    /// <param name="name">The workers' thread name, numbered from 1.</param>
    /// <param name="work">What every thread runs for a job.</param>
    public WorkerThreads(int size, string name, ITeamWork work)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _work = work;
        Size = size;
        _workers = new Thread[size - 1];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Thread(WorkerLoop) { IsBackground = true, Name = $"{name} {w + 1}" };
            _workers[w].Start(w + 1);
        }
    }

    /// <summary>Threads, the caller included.</summary>
    public int Size { get; }

    /// <summary>Opens a job, runs the caller's share (index 0), closes the job and waits for workers still in it.</summary>
    public void Run()
    {
        Volatile.Write(ref _open, 1);
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        _work.Work(0);
        Interlocked.Exchange(ref _open, 0);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _active) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
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
            // registered worker to leave before it returns and the owner reuses the job's fields.
            Interlocked.Increment(ref _active);
            if (Volatile.Read(ref _open) == 1)
            {
                _work.Work(index);
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
