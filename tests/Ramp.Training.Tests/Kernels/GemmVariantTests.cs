// Every GEMM variant in the table against GemmReference (tolerance: see GemmTestCase), single-threaded
// and on teams of two and three threads, over edge sizes, all transposes, strides, alpha and beta.
using Ramp.Training.Kernels;

namespace Ramp.Training.Tests.Kernels;

public sealed class GemmVariantTests : IDisposable
{
    // Sizes around every variant's tile (4, 6, 16, 32), primes, and 1.
    private static readonly int[] EdgeSizes = [1, 2, 3, 5, 6, 7, 13, 16, 17, 31, 33, 37];

    private readonly GemmTeam _single = new(1);
    private readonly GemmTeam _three = new(3);

    public static TheoryData<GemmVariant> Variants() => [.. GemmVariants.All];

    public void Dispose()
    {
        _single.Dispose();
        _three.Dispose();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_matches_the_reference_on_edge_sizes_for_all_transposes(GemmVariant variant)
    {
        var seed = 0;
        foreach (var m in EdgeSizes)
        {
            foreach (var n in EdgeSizes)
            {
                // Vary k with (m, n) rather than over all triples, to keep the test fast.
                var k = EdgeSizes[(m + (3 * n)) % EdgeSizes.Length];
                foreach (var (transposeA, transposeB) in Transposes)
                {
                    var testCase = new GemmTestCase(transposeA, transposeB, m, n, k, seed++);
                    testCase.AssertMatches(testCase.RunOn(variant, _single, 1), $"{variant} 1 thread");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_matches_the_reference_when_k_spans_several_depth_blocks_and_m_several_row_blocks(
        GemmVariant variant)
    {
        foreach (var (transposeA, transposeB) in Transposes)
        {
            var testCase = new GemmTestCase(transposeA, transposeB, 301, 45, 523, 7, beta: 0.5f);
            testCase.AssertMatches(testCase.RunOn(variant, _single, 1), $"{variant} 1 thread");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_matches_the_reference_when_n_spans_several_column_blocks(GemmVariant variant)
    {
        var testCase = new GemmTestCase(false, true, 7, 4133, 9, 11, beta: 1f);
        testCase.AssertMatches(testCase.RunOn(variant, _single, 1), $"{variant} 1 thread");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_honours_row_strides_larger_than_the_width(GemmVariant variant)
    {
        foreach (var (transposeA, transposeB) in Transposes)
        {
            var testCase = new GemmTestCase(transposeA, transposeB, 19, 35, 23, 3, extraStride: 5);
            testCase.AssertMatches(testCase.RunOn(variant, _single, 1), $"{variant} 1 thread");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_scales_by_alpha_and_beta(GemmVariant variant)
    {
        foreach (var (alpha, beta) in new[] { (1f, 1f), (-0.5f, 1f), (2f, 0.25f), (0.75f, -1.5f) })
        {
            var testCase = new GemmTestCase(false, false, 14, 37, 29, 5, alpha: alpha, beta: beta);
            testCase.AssertMatches(testCase.RunOn(variant, _single, 1), $"{variant} 1 thread");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Beta_zero_overwrites_C_even_where_it_holds_NaN(GemmVariant variant)
    {
        var testCase = new GemmTestCase(true, false, 13, 33, 17, 9, beta: 0f, initialC: float.NaN);
        var result = testCase.RunOn(variant, _single, 1);
        testCase.AssertMatches(result, $"{variant} 1 thread");
        Assert.DoesNotContain(result, float.IsNaN);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Beta_one_accumulates_the_product_into_C(GemmVariant variant)
    {
        var testCase = new GemmTestCase(false, true, 11, 21, 300, 4, beta: 1f, initialC: 100f);
        var result = testCase.RunOn(variant, _single, 1);
        testCase.AssertMatches(result, $"{variant} 1 thread");
        Assert.All(result.Take(21), value => Assert.InRange(value, 50f, 150f));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_matches_the_reference_on_two_and_three_threads(GemmVariant variant)
    {
        // Tall (threads take row blocks), wide and short (row blocks cut into column chunks), and tiny (little to share).
        var shapes = new[] { (157, 70, 300), (5, 600, 40), (2, 3, 4), (64, 64, 64) };
        var seed = 100;
        foreach (var (m, n, k) in shapes)
        {
            foreach (var (transposeA, transposeB) in Transposes)
            {
                var testCase = new GemmTestCase(transposeA, transposeB, m, n, k, seed++, extraStride: 1, alpha: 1.5f, beta: 0.5f);
                testCase.AssertMatches(testCase.RunOn(variant, _three, 2), $"{variant} 2 threads");
                testCase.AssertMatches(testCase.RunOn(variant, _three, 3), $"{variant} 3 threads");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Results_are_bitwise_identical_on_one_two_and_three_threads_and_from_run_to_run(GemmVariant variant)
    {
        // Every element is summed in the same order whichever thread computes it, so training runs are
        // reproducible whatever the thread count. Repeating also gives races many chances to show.
        var testCase = new GemmTestCase(false, true, 157, 70, 700, 21, beta: 0.5f);
        var single = testCase.RunOn(variant, _single, 1);
        testCase.AssertMatches(single, $"{variant} 1 thread");
        for (var repeat = 0; repeat < 10; repeat++)
        {
            Assert.Equal(single, testCase.RunOn(variant, _three, 2));
            Assert.Equal(single, testCase.RunOn(variant, _three, 3));
        }
    }

    [Fact]
    public void Row_blocks_are_cut_into_column_chunks_only_when_too_few_to_go_round_the_threads()
    {
        Assert.Equal(1, GemmDriver<GemmVector256Kernel>.ColumnChunks(rowBlocks: 8, panels: 16, threads: 1));
        Assert.Equal(1, GemmDriver<GemmVector256Kernel>.ColumnChunks(rowBlocks: 8, panels: 16, threads: 2));
        Assert.Equal(8, GemmDriver<GemmVector256Kernel>.ColumnChunks(rowBlocks: 1, panels: 32, threads: 2));
        Assert.Equal(3, GemmDriver<GemmVector256Kernel>.ColumnChunks(rowBlocks: 1, panels: 3, threads: 2));
    }

    private static IEnumerable<(bool TransposeA, bool TransposeB)> Transposes =>
        [(false, false), (false, true), (true, false), (true, true)];
}
