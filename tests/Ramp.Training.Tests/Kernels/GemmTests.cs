// The public entry point: dispatch with the process settings, argument validation, the alpha = 0 and
// k = 0 shortcuts, settings parsing, and no managed allocation in steady state.
using Ramp.Training.Kernels;

namespace Ramp.Training.Tests.Kernels;

public sealed class GemmTests
{
    [Fact]
    public void Multiply_matches_the_reference_with_the_process_settings()
    {
        foreach (var (m, n, k) in new[] { (3, 4, 5), (130, 90, 140) })
        {
            var testCase = new GemmTestCase(false, true, m, n, k, 1, extraStride: 2, alpha: 0.5f, beta: 2f);
            var c = testCase.NewC();
            Gemm.Multiply(testCase.TransposeA, testCase.TransposeB, m, n, k, testCase.A, testCase.Lda,
                testCase.B, testCase.Ldb, c, testCase.Ldc, testCase.Alpha, testCase.Beta);
            testCase.AssertMatches(c, "Gemm.Multiply");
        }
    }

    [Fact]
    public void Alpha_zero_or_k_zero_only_scales_C_by_beta()
    {
        float[] a = [float.NaN, float.NaN], b = [float.NaN, float.NaN];
        float[] c = [1f, 2f, 3f, 4f];
        Gemm.Multiply(false, false, 2, 2, 1, a, 1, b, 2, c, 2, alpha: 0f, beta: 3f);
        Assert.Equal([3f, 6f, 9f, 12f], c);
        Gemm.Multiply(false, false, 2, 2, 0, [], 1, [], 2, c, 2, alpha: 1f, beta: 0f);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void Multiply_rejects_bad_shapes_strides_and_lengths()
    {
        var a = new float[6];
        var b = new float[6];
        var c = new float[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(false, false, -1, 2, 3, a, 3, b, 2, c, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, 2, b, 2, c, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(true, false, 2, 2, 3, a, 1, b, 2, c, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, 3, b, 2, c, 1));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, a.AsSpan(1), 3, b, 2, c, 2));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, true, 2, 2, 3, a, 3, b, 4, c, 2));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, 3, b, 2, c.AsSpan(1), 2));
    }

    [Theory]
    [InlineData("scalar", GemmVariant.Scalar)]
    [InlineData("Vector256", GemmVariant.Vector256)]
    [InlineData(" vector512 ", GemmVariant.Vector512)]
    public void A_variant_name_selects_that_variant(string text, GemmVariant expected) =>
        Assert.Equal(expected, GemmVariants.Parse(text));

    [Fact]
    public void Auto_selects_the_widest_hardware_accelerated_variant()
    {
        var best = GemmVariants.Parse("auto");
        Assert.Equal(Gemm.BestVariant, best);
        Assert.True(Gemm.IsHardwareAccelerated(best));
        Assert.All(Gemm.Variants.Where(variant => variant > best), variant => Assert.False(Gemm.IsHardwareAccelerated(variant)));
    }

    [Fact]
    public void An_unknown_variant_name_is_rejected_with_the_allowed_names()
    {
        var error = Assert.Throws<ArgumentException>(() => GemmVariants.Parse("avx9000"));
        Assert.Contains("vector256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_products_stay_on_one_thread_and_large_ones_use_the_thread_budget()
    {
        Assert.Equal(1, GemmRunner.ThreadsFor(64, 64, 64, 8));
        Assert.Equal(2, GemmRunner.ThreadsFor(1024, 1024, 1024, 2));
        Assert.Equal(1, GemmRunner.ThreadsFor(1024, 1024, 1024, 1));
    }

    [Fact]
    public void Steady_state_multiplies_allocate_no_managed_memory()
    {
        var a = new float[200 * 300];
        var b = new float[300 * 170];
        var c = new float[200 * 170];
        using var team = new GemmTeam(2);
        foreach (var threads in new[] { 1, 2 })
        {
            Run(a, b, c, team, threads);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var call = 0; call < 3; call++)
            {
                Run(a, b, c, team, threads);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        static unsafe void Run(float[] a, float[] b, float[] c, GemmTeam team, int threads)
        {
            fixed (float* pa = a, pb = b, pc = c)
            {
                var problem = new GemmProblem
                {
                    M = 200, N = 170, K = 300, A = pa, Lda = 300, B = pb, Ldb = 170, C = pc, Ldc = 170, Alpha = 1f,
                };
                GemmRunner.Run(problem, Gemm.BestVariant, team, threads);
            }
        }
    }
}
