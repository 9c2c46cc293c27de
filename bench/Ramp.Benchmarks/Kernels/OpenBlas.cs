// P/Invoke into OpenBLAS's CBLAS interface (Debian: apt-get install libopenblas0-pthread), the yardstick
// for Ramp's GEMM. Only the benchmarks load it; the library itself never depends on OpenBLAS.
using System.Runtime.InteropServices;

namespace Ramp.Benchmarks.Kernels;

/// <summary>The two OpenBLAS entry points the GEMM comparison needs.</summary>
internal static unsafe partial class OpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101;
    private const int NoTranspose = 111;
    private const int Transpose = 112;

    /// <summary>Whether libopenblas.so.0 can be loaded on this machine.</summary>
    public static bool IsAvailable => NativeLibrary.TryLoad(Library, out _);

    /// <summary>Row-major sgemm with the same argument order and meaning as Ramp's Gemm.Multiply.</summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha, float beta) =>
        CblasSgemm(
            RowMajor, transposeA ? Transpose : NoTranspose, transposeB ? Transpose : NoTranspose,
            m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>Sets the number of threads OpenBLAS uses for the following calls.</summary>
    public static void SetThreadCount(int threads) => SetNumThreads(threads);

    [LibraryImport(Library, EntryPoint = "cblas_sgemm")]
    private static partial void CblasSgemm(
        int order, int transposeA, int transposeB, int m, int n, int k,
        float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    private static partial void SetNumThreads(int threads);
}
