// Decides how many threads a call gets and which team runs it. Products below a work threshold stay on
// the calling thread (waking a worker costs more than it saves). Parallel calls share one team guarded
// by a lock; a call that finds it busy (another thread is multiplying) runs single-threaded instead of
// waiting. Single-threaded calls use a team of one per calling thread, so they never contend.
namespace Ramp.Training.Kernels;

/// <summary>Routes a validated problem to a team and a variant's driver.</summary>
internal static class GemmRunner
{
    /// <summary>
    /// Multiply-adds (m * n * k) a thread must get before a call is split across threads: about 100^3 for
    /// two threads, where gemm-threads measured the second thread to start paying (bench/RESULTS.md).
    /// </summary>
    internal const long MultiplyAddsPerThread = 1L << 19;

    private static readonly object SharedGate = new();
    private static GemmTeam? shared;

    [ThreadStatic]
    private static GemmTeam? local;

    /// <summary>Threads worth using for an m x n x k product with at most <paramref name="threadCount"/> threads.</summary>
    public static int ThreadsFor(int m, int n, int k, int threadCount)
    {
        var work = (long)m * n * k;
        return (int)Math.Clamp(work / MultiplyAddsPerThread, 1, threadCount);
    }

    public static unsafe void Run(in GemmProblem problem, GemmVariant variant, int threadCount)
    {
        ref readonly var entry = ref GemmVariants.Get(variant);
        var threads = ThreadsFor(problem.M, problem.N, problem.K, threadCount);
        if (threads > 1 && Monitor.TryEnter(SharedGate))
        {
            try
            {
                if (shared is null || shared.Size != threadCount)
                {
                    shared?.Dispose();
                    shared = new GemmTeam(threadCount);
                }

                entry.Run(shared, problem, threads);
            }
            finally
            {
                Monitor.Exit(SharedGate);
            }

            return;
        }

        entry.Run(local ??= new GemmTeam(1), problem, 1);
    }

    /// <summary>Runs on exactly <paramref name="threads"/> threads of a given team (tests force paths with it).</summary>
    public static unsafe void Run(in GemmProblem problem, GemmVariant variant, GemmTeam team, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, team.Size);
        GemmVariants.Get(variant).Run(team, problem, threads);
    }
}
