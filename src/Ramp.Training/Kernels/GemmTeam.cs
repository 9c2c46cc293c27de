// The threads that run one GEMM at a time: the calling thread plus Size - 1 dedicated workers, with their
// packing buffers and the call's schedule. The thread pool is not used: a GEMM of a few hundred
// microseconds cannot afford its queueing, and a training step calls GEMM back to back, so workers spin
// briefly after a job (to catch the next one without a wake-up) and then sleep. The caller never waits
// for a worker that has not started: work is claimed item by item (GemmSchedule), so a late worker finds
// nothing left, and a job is closed before the caller returns so that a worker waking after that skips it.
// A team of size 1 has no worker threads.
using System.Diagnostics;

namespace Ramp.Training.Kernels;

/// <summary>A fixed set of threads and buffers that runs the per-thread body of one GEMM call.</summary>
internal sealed unsafe class GemmTeam : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private delegate*<GemmTeam, int, void> _body;
    private long _generation;
    private int _open;
    private int _active;
    private int _sleepers;
    private volatile bool _stopping;

    /// <summary>The problem of the job being run; the body reads it.</summary>
    public GemmProblem Problem;

    public GemmTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Workspace = new GemmWorkspace(size);
        _workers = new Thread[size - 1];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Thread(WorkerLoop) { IsBackground = true, Name = $"Ramp GEMM worker {w + 1}" };
            _workers[w].Start(w + 1);
        }
    }

    /// <summary>Threads in the team, the caller included.</summary>
    public int Size { get; }

    /// <summary>Threads that may take part in the current job.</summary>
    public int Participants { get; private set; }

    public GemmWorkspace Workspace { get; }

    public GemmSchedule Schedule { get; } = new();

    /// <summary>
    /// Runs <paramref name="body"/>(team, index) on the caller (index 0) and lets up to
    /// <paramref name="participants"/> - 1 workers join; the body on index 0 must return only when the
    /// whole job is done.
    /// </summary>
    public void Run(delegate*<GemmTeam, int, void> body, int participants)
    {
        Debug.Assert(participants >= 1 && participants <= Size, "participants within the team");
        Participants = participants;
        if (participants == 1)
        {
            body(this, 0);
            return;
        }

        _body = body;
        Volatile.Write(ref _open, 1);
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        body(this, 0);
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

        Workspace.Dispose();
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

            // Register before looking at the job: the caller, once it has closed the job, waits for every
            // registered worker to leave before it returns and reuses the job's fields.
            Interlocked.Increment(ref _active);
            if (Volatile.Read(ref _open) == 1 && index < Participants)
            {
                _body(this, index);
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
