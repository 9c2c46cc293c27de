// The threads that run one GEMM at a time: the calling thread plus Size - 1 dedicated workers
// (WorkerThreads), with their packing buffers and the call's schedule. Work is claimed item by item
// (GemmSchedule), so a worker that is late to wake finds nothing left and never holds up the caller.
// A team of size 1 has no worker threads.
using System.Diagnostics;
using Ramp.Training.Threading;

namespace Ramp.Training.Kernels;

/// <summary>A fixed set of threads and buffers that runs the per-thread body of one GEMM call.</summary>
internal sealed unsafe class GemmTeam : IDisposable, ITeamWork
{
    private readonly WorkerThreads _threads;
    private delegate*<GemmTeam, int, void> _body;

    /// <summary>The problem of the job being run; the body reads it.</summary>
    public GemmProblem Problem;

    public GemmTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Workspace = new GemmWorkspace(size);
        _threads = new WorkerThreads(size, "Ramp GEMM worker", this);
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
        _threads.Run();
    }

    /// <inheritdoc/>
    public void Work(int index)
    {
        if (index < Participants)
        {
            _body(this, index);
        }
    }

    public void Dispose()
    {
        _threads.Dispose();
        Workspace.Dispose();
    }
}
