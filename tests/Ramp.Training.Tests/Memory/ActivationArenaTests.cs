// ActivationArena: aligned, disjoint slices; reset reuses the same memory; growth folds into one chunk;
// a steady-state step allocates no managed memory.
using Ramp.Training.Memory;

namespace Ramp.Training.Tests.Memory;

public sealed unsafe class ActivationArenaTests
{
    [Fact]
    public void Slices_are_64_byte_aligned_and_do_not_overlap()
    {
        using var arena = new ActivationArena(1000);
        var slices = new[] { 1, 15, 16, 17, 100 }.Select(arena.Allocate).ToArray();
        for (var s = 0; s < slices.Length; s++)
        {
            Assert.Equal(0, (long)slices[s].Address % NativeFloatBlock.Alignment);
            slices[s].Span.Fill(s);
        }

        for (var s = 0; s < slices.Length; s++)
        {
            Assert.All(slices[s].Span.ToArray(), value => Assert.Equal(s, value));
        }
    }

    [Fact]
    public void Reset_hands_out_the_same_memory_again_without_growing()
    {
        using var arena = new ActivationArena(256);
        var first = arena.Allocate(100);
        var second = arena.Allocate(50);
        arena.Reset();
        Assert.Equal(0, arena.Used);
        Assert.True(first.Address == arena.Allocate(100).Address);
        Assert.True(second.Address == arena.Allocate(50).Address);
        Assert.Equal(1, arena.ChunkCount);
    }

    [Fact]
    public void An_arena_that_outgrows_its_chunk_keeps_earlier_slices_and_folds_into_one_chunk_on_reset()
    {
        using var arena = new ActivationArena(64);
        var early = arena.Allocate(60);
        early.Span.Fill(7f);
        arena.Allocate(500);
        Assert.All(early.Span.ToArray(), value => Assert.Equal(7f, value));
        Assert.Equal(2, arena.ChunkCount);
        Assert.Equal(64 + 512, arena.Peak);

        arena.Reset();
        Assert.Equal(1, arena.ChunkCount);
        Assert.True(arena.Capacity >= arena.Peak);
        arena.Allocate(60);
        arena.Allocate(500);
        Assert.Equal(1, arena.ChunkCount);
    }

    [Fact]
    public void AllocateZeroed_clears_memory_left_by_an_earlier_step()
    {
        using var arena = new ActivationArena(32);
        arena.Allocate(32).Span.Fill(9f);
        arena.Reset();
        Assert.All(arena.AllocateZeroed(32).Span.ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_steady_state_step_allocates_no_managed_memory()
    {
        using var arena = new ActivationArena();
        Step(arena);
        arena.Reset();
        Step(arena);
        arena.Reset();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0; step < 10; step++)
        {
            Step(arena);
            arena.Reset();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Step(ActivationArena arena)
        {
            for (var layer = 0; layer < 8; layer++)
            {
                arena.Allocate(1000 + layer).Span[0] = layer;
            }
        }
    }

    [Fact]
    public void A_negative_length_is_rejected()
    {
        using var arena = new ActivationArena();
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Allocate(-1));
    }
}
