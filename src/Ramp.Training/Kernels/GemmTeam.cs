// The threads that run one GEMM at a time: the calling thread plus Size - 1 dedicated workers, with their
// packing buffers. The thread pool is not used: a GEMM of a few hundred microseconds cannot afford its
// queueing, and a training step calls GEMM back to back, so workers spin briefly after a job (to catch
// the next one without a wake-up) and then sleep. A team of size 1 has no worker threads.
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
    private int _pending;
    private int _sleepers;
    private int _barrierArrived;
    private int _barrierGeneration;
    private volatile bool _stopping;

    /// <summary>The problem of the job being run; the body reads it.</summary>
    public GemmProblem Problem;

    /// <summary>How the job's threads are split between rows of C (the rest split columns).</summary>
    public int RowGroups;

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

    /// <summary>Threads taking part in the current job.</summary>
    public int Participants { get; private set; }

    public GemmWorkspace Workspace { get; }

    /// <summary>Runs <paramref name="body"/>(team, index) on <paramref name="participants"/> threads, index 0 on the caller.</summary>
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
        Volatile.Write(ref _pending, _workers.Length);
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        body(this, 0);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _pending) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Waits until every participant of the current job has reached this barrier.</summary>
    public void Barrier()
    {
        if (Participants == 1)
        {
            return;
        }

        var generation = Volatile.Read(ref _barrierGeneration);
        if (Interlocked.Increment(ref _barrierArrived) == Participants)
        {
            Volatile.Write(ref _barrierArrived, 0);
            Interlocked.Increment(ref _barrierGeneration);
            return;
        }

        var spinner = default(SpinWait);
        while (Volatile.Read(ref _barrierGeneration) == generation)
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

            if (index < Participants)
            {
                _body(this, index);
            }

            Interlocked.Decrement(ref _pending);
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
