// The train-step command: times full training steps (forward, backward, clipping, AdamW) of one
// configuration (TrainingStepSetup.cs) after warm-up steps, and prints one line that bench/vs-pytorch.sh
// reads: the median milliseconds per step, tokens per second at that median, and the peak resident memory.
// Usage: train-step --config a|b|tiny [--steps 20] [--warmup 5] [--threads N]
using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Kernels;

namespace Ramp.Benchmarks.Training;

/// <summary>The train-step command.</summary>
internal static class TrainStepCommand
{
    public static int Run(string[] args)
    {
        var config = "a";
        var steps = 20;
        var warmup = 5;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {args[i]} needs a value.");
            switch (args[i])
            {
                case "--config":
                    config = value;
                    break;
                case "--steps":
                    steps = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    warmup = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    Gemm.ThreadCount = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; expected --config, --steps, --warmup or --threads.");
            }
        }

        using var setup = TrainingStepSetup.Create(config);
        var loss = 0.0;
        for (var i = 0; i < warmup; i++)
        {
            loss = setup.Step();
        }

        var times = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var start = Stopwatch.GetTimestamp();
            loss = setup.Step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        var median = times[steps / 2];
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ramp config={config} threads={Gemm.ThreadCount} steps={steps} ms_per_step={median:F1} min_ms={times[0]:F1} tokens_per_second={setup.TokensPerStep * 1000 / median:F0} peak_rss_mb={peak:F0} loss={loss:F4}"));
        return 0;
    }
}
