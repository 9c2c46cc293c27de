// The GEMM shapes the benchmarks measure: squares, and every linear layer of the two model configurations
// in its three passes. A linear layer (in -> out) over M token rows, weight W stored (out, in):
//   forward  Y (M, out)  = X (M, in) * W^T          m = M,   n = out, k = in,  B transposed
//   backward dX (M, in)  = dY (M, out) * W           m = M,   n = in,  k = out
//   backward dW (out, in) = dY^T * X (M, in)         m = out, n = in,  k = M,   A transposed
// Config (a): encoder-decoder, d_model 256, d_ff 1024, vocabulary 8000, batch 32 x 32 tokens (M = 1024).
// Config (b): decoder-only, d_model 128, d_ff 512, vocabulary 8000, batch 32 x 64 tokens (M = 2048).
namespace Ramp.Benchmarks.Kernels;

/// <summary>One GEMM shape with a label saying where it comes from.</summary>
internal sealed record GemmShape(string Label, bool TransposeA, bool TransposeB, int M, int N, int K)
{
    /// <summary>Floating-point operations of one multiply (a multiply-add counts as two).</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>Stored rows and columns of A, B and C, each stored densely (stride = width).</summary>
    public (int Rows, int Columns) AShape => TransposeA ? (K, M) : (M, K);

    public (int Rows, int Columns) BShape => TransposeB ? (N, K) : (K, N);

    public override string ToString() =>
        $"{Label} {M}x{N}x{K}{(TransposeA ? " At" : string.Empty)}{(TransposeB ? " Bt" : string.Empty)}";
}

/// <summary>The shape lists.</summary>
internal static class GemmShapes
{
    public static IReadOnlyList<GemmShape> Squares { get; } =
        [.. new[] { 256, 512, 1024, 1536, 2048 }.Select(size => new GemmShape("square", false, false, size, size, size))];

    public static IReadOnlyList<GemmShape> Model { get; } =
    [
        .. Linear("a qkv", 1024, 256, 768),
        .. Linear("a out", 1024, 256, 256),
        .. Linear("a ffn1", 1024, 256, 1024),
        .. Linear("a ffn2", 1024, 1024, 256),
        .. Linear("a logits", 1024, 256, 8000),
        .. Linear("b qkv", 2048, 128, 384),
        .. Linear("b out", 2048, 128, 128),
        .. Linear("b ffn1", 2048, 128, 512),
        .. Linear("b ffn2", 2048, 512, 128),
        .. Linear("b logits", 2048, 128, 8000),
    ];

    private static GemmShape[] Linear(string label, int rows, int inputs, int outputs) =>
    [
        new($"{label} fwd", false, true, rows, outputs, inputs),
        new($"{label} dX", false, false, rows, inputs, outputs),
        new($"{label} dW", true, false, outputs, inputs, rows),
    ];
}
