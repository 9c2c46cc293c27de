// BenchmarkDotNet suite for Ramp's GEMM: every variant on squares and on the model's heaviest shapes,
// with the memory diagnoser to show that a call allocates nothing. Thread count: RAMP_THREADS or the
// processor count, as in training. Command and figures: bench/RESULTS.md.
using BenchmarkDotNet.Attributes;
using Ramp.Training.Kernels;
using Ramp.Training.Memory;

namespace Ramp.Benchmarks.Kernels;

[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 7)]
public unsafe class GemmBenchmarks : IDisposable
{
    private static readonly string[] ShapeNames =
    [
        "square 256", "square 512", "square 1024",
        "a ffn1 fwd", "a ffn1 dX", "a ffn1 dW", "b logits fwd", "b logits dX", "b logits dW",
    ];

    private NativeFloatBlock? _a;
    private NativeFloatBlock? _b;
    private NativeFloatBlock? _c;
    private GemmShape _shape = GemmShapes.Squares[0];

    [ParamsSource(nameof(ShapeNamesSource))]
    public string Shape { get; set; } = ShapeNames[0];

    [ParamsSource(nameof(VariantsSource))]
    public GemmVariant Variant { get; set; }

    public static IEnumerable<string> ShapeNamesSource() => ShapeNames;

    public static IEnumerable<GemmVariant> VariantsSource() => Gemm.Variants;

    [GlobalSetup]
    public void Setup()
    {
        _shape = GemmShapes.Squares.Concat(GemmShapes.Model)
            .First(shape => Shape == (shape.Label == "square" ? $"square {shape.M}" : shape.Label));
        Gemm.Variant = Variant;
        var random = new Random(1);
        _a = new NativeFloatBlock(_shape.AShape.Rows * _shape.AShape.Columns);
        _b = new NativeFloatBlock(_shape.BShape.Rows * _shape.BShape.Columns);
        _c = new NativeFloatBlock(_shape.M * _shape.N);
        foreach (var block in new[] { _a, _b })
        {
            foreach (ref var value in block.Span)
            {
                value = (random.NextSingle() * 2f) - 1f;
            }
        }
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(
        _shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K,
        _a!.Address, _shape.AShape.Columns, _b!.Address, _shape.BShape.Columns, _c!.Address, _shape.N);

    [GlobalCleanup]
    public void Dispose()
    {
        _a?.Dispose();
        _b?.Dispose();
        _c?.Dispose();
        GC.SuppressFinalize(this);
    }
}
