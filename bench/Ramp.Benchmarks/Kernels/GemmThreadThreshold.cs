// Where does a second thread pay? Times Ramp's GEMM on one thread and on two (forced, ignoring the
// work threshold) for growing cubes, alternating the two, fastest call kept, and prints the speed-up
// next to the number of threads the threshold in GemmRunner would choose. Usage: gemm-threads [--rounds 7]
using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Kernels;
using Ramp.Training.Memory;

namespace Ramp.Benchmarks.Kernels;

/// <summary>The gemm-threads command.</summary>
internal static unsafe class GemmThreadThreshold
{
    public static int Run(string[] args)
    {
        var rounds = args.Length == 2 && args[0] == "--rounds"
            ? int.Parse(args[1], CultureInfo.InvariantCulture)
            : args.Length == 0 ? 7 : throw new ArgumentException("Usage: gemm-threads [--rounds 7]");
        using var team = new GemmTeam(2);
        Console.WriteLine($"Ramp GEMM variant {Gemm.Variant}: one thread against two; fastest of {rounds} rounds of 20 ms.");
        Console.WriteLine();
        Console.WriteLine("| m = n = k | multiply-adds | 1 thread µs | 2 threads µs | speed-up | threads chosen |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { 16, 24, 32, 48, 64, 80, 96, 128, 160, 192, 256, 384 })
        {
            using var a = new NativeFloatBlock(size * size);
            using var b = new NativeFloatBlock(size * size);
            using var c = new NativeFloatBlock(size * size);
            a.Span.Fill(0.5f);
            b.Span.Fill(0.25f);
            var problem = new GemmProblem
            {
                M = size, N = size, K = size, A = a.Address, Lda = size, B = b.Address, Ldb = size,
                C = c.Address, Ldc = size, Alpha = 1f,
            };
            double one = double.MaxValue, two = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                one = Math.Min(one, Fastest(problem, team, 1));
                two = Math.Min(two, Fastest(problem, team, 2));
            }

            Console.WriteLine(
                $"| {size} | {(long)size * size * size} | {one * 1e6:F1} | {two * 1e6:F1} | {one / two:F2} | " +
                $"{GemmRunner.ThreadsFor(size, size, size, 2)} |");
        }

        return 0;
    }

    private static double Fastest(in GemmProblem problem, GemmTeam team, int threads)
    {
        var fastest = double.MaxValue;
        var block = Stopwatch.StartNew();
        do
        {
            var start = Stopwatch.GetTimestamp();
            GemmRunner.Run(problem, Gemm.Variant, team, threads);
            fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        while (block.Elapsed.TotalMilliseconds < 20);
        return fastest;
    }
}
