// Side by side: Ramp's Gemm.Multiply and OpenBLAS's cblas_sgemm on the same inputs in one process, so
// that both see the same machine load. For each shape and thread count it first checks that the two
// results agree, then alternates timed blocks of the two (order swapped each round) and keeps each one's
// fastest call: on a shared machine the fastest call is the one least disturbed by other processes.
// OpenBLAS's idle workers keep spinning for a while after a call; a pause before each block lets them
// (and Ramp's) go quiet so that neither library's threads steal the other's cores.
// With --clock thread-cpu (one thread only) calls are timed by the calling thread's CPU time instead of
// the wall clock, which leaves out time spent descheduled: a steadier figure on a busy machine.
// Usage: gemm-vs-openblas [--threads 1,2] [--shapes all|squares|model] [--filter text] [--rounds 5]
//        [--block-ms 100] [--clock wall|thread-cpu]
using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Kernels;
using Ramp.Training.Memory;

namespace Ramp.Benchmarks.Kernels;

/// <summary>The gemm-vs-openblas command.</summary>
internal static unsafe class GemmVersusOpenBlas
{
    private const int SettleMilliseconds = 150;

    private static Func<double> clock = WallSeconds;

    public static int Run(string[] args)
    {
        var threadCounts = new[] { 1, 2 };
        var shapes = GemmShapes.Squares.Concat(GemmShapes.Model).ToList();
        var rounds = 5;
        var blockSeconds = 0.1;
        var threadCpu = false;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {args[i]} needs a value.");
            switch (args[i])
            {
                case "--threads":
                    threadCounts = [.. value.Split(',').Select(int.Parse)];
                    break;
                case "--shapes":
                    shapes = value switch
                    {
                        "all" => shapes,
                        "squares" => [.. GemmShapes.Squares],
                        "model" => [.. GemmShapes.Model],
                        _ => throw new ArgumentException($"--shapes {value} is not one of all, squares, model."),
                    };
                    break;
                case "--filter":
                    shapes = [.. shapes.Where(shape => shape.ToString().Contains(value, StringComparison.Ordinal))];
                    break;
                case "--rounds":
                    rounds = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--clock":
                    threadCpu = value switch
                    {
                        "wall" => false,
                        "thread-cpu" => true,
                        _ => throw new ArgumentException($"--clock {value} is not one of wall, thread-cpu."),
                    };
                    break;
                case "--block-ms":
                    blockSeconds = double.Parse(value, CultureInfo.InvariantCulture) / 1000;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; see bench/RESULTS.md.");
            }
        }

        if (threadCpu && threadCounts.Any(threads => threads != 1))
        {
            throw new ArgumentException("--clock thread-cpu measures one thread: use it with --threads 1.");
        }

        clock = threadCpu ? ThreadCpuClock.Seconds : WallSeconds;
        if (!OpenBlas.IsAvailable)
        {
            Console.Error.WriteLine("libopenblas.so.0 not found: apt-get install -y libopenblas0-pthread");
            return 1;
        }

        Console.WriteLine(
            $"Ramp GEMM variant {Gemm.Variant} vs OpenBLAS cblas_sgemm; {Environment.ProcessorCount} processors; " +
            $"{rounds} rounds of {blockSeconds * 1000:F0} ms blocks each, fastest call kept; " +
            $"{(threadCpu ? "thread CPU time" : "wall-clock time")}; GFLOP/s = 2mnk / time.");
        Console.WriteLine();
        Console.WriteLine("| shape | m x n x k | threads | Ramp GFLOP/s | OpenBLAS GFLOP/s | Ramp / OpenBLAS |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var failed = false;
        foreach (var threads in threadCounts)
        {
            Gemm.ThreadCount = threads;
            OpenBlas.SetThreadCount(threads);
            var ratios = new List<double>();
            foreach (var shape in shapes)
            {
                var result = Compare(shape, rounds, blockSeconds);
                failed |= !result.Agrees;
                var ratio = result.RampGflops / result.OpenBlasGflops;
                ratios.Add(ratio);
                Console.WriteLine(
                    $"| {shape.Label}{Operands(shape)} | {shape.M} x {shape.N} x {shape.K} | {threads} | " +
                    $"{result.RampGflops:F1} | {result.OpenBlasGflops:F1} | {ratio:F2}{(result.Agrees ? string.Empty : " MISMATCH")} |");
            }

            Console.WriteLine(
                $"| geometric mean of ratios | | {threads} | | | {Math.Exp(ratios.Average(Math.Log)):F2} |");
        }

        return failed ? 1 : 0;
    }

    private static string Operands(GemmShape shape) =>
        shape.TransposeA || shape.TransposeB
            ? $" ({(shape.TransposeA ? "Aᵀ" : "A")}·{(shape.TransposeB ? "Bᵀ" : "B")})"
            : string.Empty;

    private static (double RampGflops, double OpenBlasGflops, bool Agrees) Compare(
        GemmShape shape, int rounds, double blockSeconds)
    {
        var (aRows, aColumns) = shape.AShape;
        var (bRows, bColumns) = shape.BShape;
        using var a = RandomBlock(aRows * aColumns, 1);
        using var b = RandomBlock(bRows * bColumns, 2);
        using var rampC = new NativeFloatBlock(shape.M * shape.N);
        using var blasC = new NativeFloatBlock(shape.M * shape.N);
        var pa = a.Address;
        var pb = b.Address;
        var pr = rampC.Address;
        var po = blasC.Address;
        void Ramp() => Gemm.Multiply(shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, pa, aColumns, pb, bColumns, pr, shape.N);
        void Blas() => OpenBlas.Multiply(shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, pa, aColumns, pb, bColumns, po, shape.N, 1f, 0f);

        Ramp();
        Blas();
        var agrees = Agree(rampC.Span, blasC.Span, shape.K);

        double rampBest = double.MaxValue, blasBest = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                rampBest = Math.Min(rampBest, TimeBlock(Ramp, blockSeconds));
                blasBest = Math.Min(blasBest, TimeBlock(Blas, blockSeconds));
            }
            else
            {
                blasBest = Math.Min(blasBest, TimeBlock(Blas, blockSeconds));
                rampBest = Math.Min(rampBest, TimeBlock(Ramp, blockSeconds));
            }
        }

        return (shape.Flops / rampBest / 1e9, shape.Flops / blasBest / 1e9, agrees);
    }

    /// <summary>Fastest single call, in seconds, among the calls of a block lasting at least the block time.</summary>
    private static double TimeBlock(Action multiply, double blockSeconds)
    {
        Thread.Sleep(SettleMilliseconds);
        multiply();
        var fastest = double.MaxValue;
        var block = Stopwatch.StartNew();
        do
        {
            var start = clock();
            multiply();
            fastest = Math.Min(fastest, clock() - start);
        }
        while (block.Elapsed.TotalSeconds < blockSeconds);
        return fastest;
    }

    private static double WallSeconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    // Inputs are uniform in [-1, 1), so |C| grows like sqrt(k); float32 sums in different orders differ by
    // about sqrt(k) * eps relative to that, and 1e-5 * k is a generous bound on the absolute difference.
    private static bool Agree(ReadOnlySpan<float> ramp, ReadOnlySpan<float> blas, int k)
    {
        var tolerance = 1e-5 * k;
        for (var i = 0; i < ramp.Length; i++)
        {
            if (!(Math.Abs(ramp[i] - blas[i]) <= tolerance))
            {
                Console.Error.WriteLine($"Element {i}: Ramp {ramp[i]} vs OpenBLAS {blas[i]} (tolerance {tolerance}).");
                return false;
            }
        }

        return true;
    }

    private static NativeFloatBlock RandomBlock(int length, int seed)
    {
        var block = new NativeFloatBlock(length);
        var random = new Random(seed);
        foreach (ref var value in block.Span)
        {
            value = (random.NextSingle() * 2f) - 1f;
        }

        return block;
    }
}
