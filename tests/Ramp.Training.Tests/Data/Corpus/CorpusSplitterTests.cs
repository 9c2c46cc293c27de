// The split rule: SHA-256 of the UTF-8 source, first 8 bytes big-endian, divided by 2^64.
using Ramp.Training.Data.Corpus;

namespace Ramp.Training.Tests.Data.Corpus;

public class CorpusSplitterTests
{
    [Fact]
    public void Hash_fraction_is_the_sha256_prefix_over_two_to_the_64()
    {
        // SHA-256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 (printf hello | sha256sum).
        Assert.Equal((0x2cf24dba5fb0a30eUL >> 11) / (double)(1UL << 53), CorpusSplitter.HashFraction("hello"));
    }

    [Fact]
    public void Split_sizes_follow_the_fractions()
    {
        var sources = Enumerable.Range(0, 20000).Select(i => $"message number {i}").ToList();
        var splits = sources.Select(s => CorpusSplitter.Assign(s, 0.05, 0.1)).ToList();
        Assert.InRange(splits.Count(s => s == CorpusSplit.Valid) / 20000.0, 0.04, 0.06);
        Assert.InRange(splits.Count(s => s == CorpusSplit.Test) / 20000.0, 0.09, 0.11);
    }

    [Fact]
    public void Growing_the_test_fraction_keeps_the_validation_set()
    {
        var sources = Enumerable.Range(0, 5000).Select(i => $"line {i}").ToList();
        var small = sources.Where(s => CorpusSplitter.Assign(s, 0.05, 0.05) == CorpusSplit.Valid);
        var large = sources.Where(s => CorpusSplitter.Assign(s, 0.05, 0.2) == CorpusSplit.Valid);
        Assert.Equal(small, large);
    }
}
