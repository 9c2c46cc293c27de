// NativeFloatBlock and FloatSlice: alignment, zeroing, views, bounds and disposal.
using Ramp.Training.Memory;

namespace Ramp.Training.Tests.Memory;

public sealed unsafe class NativeFloatBlockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(100_000)]
    public void A_block_is_64_byte_aligned_and_zeroed(int length)
    {
        using var block = new NativeFloatBlock(length);
        Assert.Equal(0, (long)block.Address % NativeFloatBlock.Alignment);
        Assert.Equal(length, block.Span.Length);
        Assert.All(block.Span.ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Slices_view_the_same_memory_as_the_block()
    {
        using var block = new NativeFloatBlock(10);
        var slice = block.Slice(3, 4);
        slice.Span.Fill(2f);
        var inner = slice.Slice(1, 2);
        inner.Span[0] = 5f;
        Assert.Equal([0f, 0f, 0f, 2f, 5f, 2f, 2f, 0f, 0f, 0f], block.Span.ToArray());
        Assert.True(inner == block.Slice(4, 2));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, 11)]
    [InlineData(9, 2)]
    [InlineData(3, -1)]
    public void A_slice_outside_the_block_is_rejected(int start, int length)
    {
        using var block = new NativeFloatBlock(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => block.Slice(start, length));
    }

    [Fact]
    public void Clear_zeroes_the_block()
    {
        using var block = new NativeFloatBlock(5);
        block.Span.Fill(3f);
        block.Clear();
        Assert.All(block.Span.ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_disposed_block_refuses_access_and_tolerates_a_second_dispose()
    {
        var block = new NativeFloatBlock(4);
        block.Dispose();
        block.Dispose();
        Assert.True(block.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => block.Span.Length);
    }

    [Fact]
    public void A_negative_length_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeFloatBlock(-1));
}
