// CPU time of the calling thread (Linux clock_gettime CLOCK_THREAD_CPUTIME_ID). On a shared machine a
// single-threaded multiply timed this way does not count the time the thread spent descheduled.
using System.Runtime.InteropServices;

namespace Ramp.Benchmarks.Kernels;

/// <summary>Reads the calling thread's CPU time.</summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>Seconds of CPU time the calling thread has used.</summary>
    public static double Seconds()
    {
        if (ClockGetTime(ThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return time.Seconds + (time.Nanoseconds * 1e-9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
