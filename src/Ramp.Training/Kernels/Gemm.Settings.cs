// Which GEMM variant runs and on how many threads. Defaults come from the environment on first use:
// RAMP_GEMM = scalar | vector256 | vector512 | auto (default: auto, the widest variant the CPU runs in
// hardware) and RAMP_THREADS = a positive integer (default: Environment.ProcessorCount).
namespace Ramp.Training.Kernels;

/// <summary>Process-wide GEMM settings.</summary>
public static partial class Gemm
{
    /// <summary>Environment variable that forces a variant: scalar, vector256, vector512 or auto.</summary>
    public const string VariantEnvironmentVariable = "RAMP_GEMM";

    /// <summary>Environment variable that sets the thread count (a positive integer).</summary>
    public const string ThreadsEnvironmentVariable = "RAMP_THREADS";

    private static GemmVariant? variant;
    private static int threadCount;

    /// <summary>Every variant, in table order.</summary>
    public static IReadOnlyList<GemmVariant> Variants => GemmVariants.All;

    /// <summary>The widest variant this machine runs in hardware; what "auto" selects.</summary>
    public static GemmVariant BestVariant => GemmVariants.Best;

    /// <summary>
    /// The variant <see cref="Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, float, float)"/>
    /// runs. Starts as RAMP_GEMM says (or <see cref="BestVariant"/>); setting it overrides the environment.
    /// A variant that is not hardware accelerated still computes correctly, only slower.
    /// </summary>
    public static GemmVariant Variant
    {
        get => variant ??= ReadVariant();
        set
        {
            _ = GemmVariants.Get(value);
            variant = value;
        }
    }

    /// <summary>
    /// Most threads one multiply may use. Starts as RAMP_THREADS says (or the processor count); small
    /// products run on the calling thread alone whatever this is.
    /// </summary>
    public static int ThreadCount
    {
        get
        {
            if (threadCount == 0)
            {
                threadCount = ReadThreadCount();
            }

            return threadCount;
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            threadCount = value;
        }
    }

    /// <summary>Whether this machine runs <paramref name="candidate"/> in hardware rather than emulation.</summary>
    /// <param name="candidate">The variant to ask about.</param>
    public static bool IsHardwareAccelerated(GemmVariant candidate) => GemmVariants.Get(candidate).IsAccelerated;

    private static GemmVariant ReadVariant()
    {
        var text = Environment.GetEnvironmentVariable(VariantEnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? BestVariant : GemmVariants.Parse(text);
    }

    private static int ReadThreadCount()
    {
        var text = Environment.GetEnvironmentVariable(ThreadsEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Environment.ProcessorCount;
        }

        if (!int.TryParse(text, out var count) || count < 1)
        {
            throw new ArgumentException(
                $"{ThreadsEnvironmentVariable} = '{text}' is not a positive integer.", ThreadsEnvironmentVariable);
        }

        return count;
    }
}
