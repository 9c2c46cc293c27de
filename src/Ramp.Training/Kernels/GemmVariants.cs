// The one table of GEMM variants: name (as written in RAMP_GEMM), whether this machine runs it in
// hardware, and its driver. Tests and benchmarks iterate this table, so a new variant is tested by adding
// a row.
using System.Runtime.Intrinsics;

namespace Ramp.Training.Kernels;

/// <summary>The table of GEMM variants and their drivers.</summary>
internal static unsafe class GemmVariants
{
    private static readonly Entry[] Table =
    [
        new(GemmVariant.Scalar, "scalar", true, &GemmDriver<GemmScalarKernel>.Run),
        new(GemmVariant.Vector256, "vector256", Vector256.IsHardwareAccelerated && IsFusedMultiplyAddAccelerated(),
            &GemmDriver<GemmVector256Kernel>.Run),
        new(GemmVariant.Vector512, "vector512", Vector512.IsHardwareAccelerated && IsFusedMultiplyAddAccelerated(),
            &GemmDriver<GemmVector512Kernel>.Run),
    ];

    /// <summary>Every variant, in table order.</summary>
    public static IReadOnlyList<GemmVariant> All { get; } = [.. Table.Select(entry => entry.Variant)];

    /// <summary>The widest variant this machine runs in hardware.</summary>
    public static GemmVariant Best { get; } = Table.Last(entry => entry.IsAccelerated).Variant;

    public static ref readonly Entry Get(GemmVariant variant)
    {
        if ((uint)variant >= (uint)Table.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(variant), variant, $"GEMM variant {variant} is not one of {string.Join(", ", All)}.");
        }

        return ref Table[(int)variant];
    }

    /// <summary>Parses a RAMP_GEMM value: a variant name or "auto" (case-insensitive).</summary>
    public static GemmVariant Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Best;
        }

        foreach (var entry in Table)
        {
            if (trimmed.Equals(entry.Name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Variant;
            }
        }

        throw new ArgumentException(
            $"GEMM variant '{text}' is not one of auto, {string.Join(", ", Table.Select(entry => entry.Name))}.",
            nameof(text));
    }

    // Without hardware FMA, .NET computes Vector*.FusedMultiplyAdd element by element in software.
    private static bool IsFusedMultiplyAddAccelerated() =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;

    internal readonly struct Entry(
        GemmVariant variant,
        string name,
        bool isAccelerated,
        delegate*<GemmTeam, in GemmProblem, int, void> run)
    {
        public GemmVariant Variant { get; } = variant;

        public string Name { get; } = name;

        public bool IsAccelerated { get; } = isAccelerated;

        /// <summary>Runs a problem with m, n, k &gt; 0 on the given number of the team's threads.</summary>
        public delegate*<GemmTeam, in GemmProblem, int, void> Run { get; } = run;
    }
}
