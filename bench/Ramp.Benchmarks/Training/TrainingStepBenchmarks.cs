// One full training step (zero, forward and backward, mean over tokens, clipping, AdamW) under
// BenchmarkDotNet's MemoryDiagnoser: the "Allocated" column must read "-" (no managed allocation per step).
// Configuration "tiny" keeps the benchmark short; "b" is the decoder-only configuration of vs-pytorch.sh.
// Run: dotnet run -c Release --project bench/Ramp.Benchmarks -- --filter '*TrainingStepBenchmarks*'
using BenchmarkDotNet.Attributes;

namespace Ramp.Benchmarks.Training;

[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private TrainingStepSetup setup = null!;

    [Params("tiny", "b")]
    public string Configuration { get; set; } = "tiny";

    [GlobalSetup]
    public void Setup() => setup = TrainingStepSetup.Create(Configuration);

    [GlobalCleanup]
    public void Cleanup() => setup.Dispose();

    [Benchmark]
    public double Step() => setup.Step();
}
