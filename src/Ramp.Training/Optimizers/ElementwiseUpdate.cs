// The one vectorized loop every optimizer runs: a single pass over each range of a group that reads the
// parameters, gradients and up to three state buffers, applies an update rule to 8 floats at a time and
// writes back. The tail (fewer than 8 elements) goes through the same rule in a zero-padded stack vector, so
// a value's result never depends on where it sits in a range. Rules use explicit fused multiply-adds exactly
// where PyTorch 1.13's AVX2 CPU kernels do (add with alpha, addcmul), so the arithmetic is the same on any
// hardware and matches PyTorch's float32 results.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>An element-wise optimizer update on 8 lanes.</summary>
internal interface IElementwiseRule
{
    /// <summary>Updates one vector of parameters from its gradients and state; unused state lanes are zero and discarded.</summary>
    void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
        ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third);
}

internal static class ElementwiseUpdate
{
    private const int Width = 8;

    /// <summary>Runs <paramref name="rule"/> over every range of <paramref name="group"/>.</summary>
    /// <param name="rule">The update rule with this step's coefficients.</param>
    /// <param name="group">The group whose ranges are updated.</param>
    /// <param name="parameters">The flat parameter block (N).</param>
    /// <param name="gradients">The flat gradient block (N).</param>
    /// <param name="first">A state buffer (N), or empty when the rule uses none.</param>
    /// <param name="second">A state buffer (N), or empty.</param>
    /// <param name="third">A state buffer (N), or empty.</param>
    public static void Run<TRule>(in TRule rule, ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients,
        Span<float> first, Span<float> second, Span<float> third)
        where TRule : struct, IElementwiseRule
    {
        foreach (var range in group.RangeSpan)
        {
            RunRange(rule,
                parameters.Slice(range.Offset, range.Length),
                gradients.Slice(range.Offset, range.Length),
                Slice(first, range), Slice(second, range), Slice(third, range));
        }
    }

    private static Span<float> Slice(Span<float> buffer, ParameterRange range) =>
        buffer.IsEmpty ? default : buffer.Slice(range.Offset, range.Length);

    private static void RunRange<TRule>(in TRule rule, Span<float> parameters, ReadOnlySpan<float> gradients,
        Span<float> first, Span<float> second, Span<float> third)
        where TRule : struct, IElementwiseRule
    {
        var n = parameters.Length;
        bool hasFirst = !first.IsEmpty, hasSecond = !second.IsEmpty, hasThird = !third.IsEmpty;
        ref var p = ref MemoryMarshal.GetReference(parameters);
        ref var g = ref MemoryMarshal.GetReference(gradients);
        ref var a = ref MemoryMarshal.GetReference(first);
        ref var b = ref MemoryMarshal.GetReference(second);
        ref var c = ref MemoryMarshal.GetReference(third);
        var i = 0;
        for (; i <= n - Width; i += Width)
        {
            var index = (nuint)i;
            var vp = Vector256.LoadUnsafe(ref p, index);
            var vg = Vector256.LoadUnsafe(ref g, index);
            var va = hasFirst ? Vector256.LoadUnsafe(ref a, index) : default;
            var vb = hasSecond ? Vector256.LoadUnsafe(ref b, index) : default;
            var vc = hasThird ? Vector256.LoadUnsafe(ref c, index) : default;
            rule.Apply(ref vp, vg, ref va, ref vb, ref vc);
            vp.StoreUnsafe(ref p, index);
            if (hasFirst)
            {
                va.StoreUnsafe(ref a, index);
            }
            if (hasSecond)
            {
                vb.StoreUnsafe(ref b, index);
            }
            if (hasThird)
            {
                vc.StoreUnsafe(ref c, index);
            }
        }
        if (i < n)
        {
            RunTail(rule, parameters[i..], gradients[i..],
                hasFirst ? first[i..] : default, hasSecond ? second[i..] : default, hasThird ? third[i..] : default);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunTail<TRule>(in TRule rule, Span<float> parameters, ReadOnlySpan<float> gradients,
        Span<float> first, Span<float> second, Span<float> third)
        where TRule : struct, IElementwiseRule
    {
        Span<float> lanes = stackalloc float[5 * Width];
        lanes.Clear();
        var count = parameters.Length;
        parameters.CopyTo(lanes);
        gradients.CopyTo(lanes[Width..]);
        first.CopyTo(lanes[(2 * Width)..]);
        second.CopyTo(lanes[(3 * Width)..]);
        third.CopyTo(lanes[(4 * Width)..]);
        var vp = Vector256.Create<float>(lanes);
        var vg = Vector256.Create<float>(lanes[Width..]);
        var va = Vector256.Create<float>(lanes[(2 * Width)..]);
        var vb = Vector256.Create<float>(lanes[(3 * Width)..]);
        var vc = Vector256.Create<float>(lanes[(4 * Width)..]);
        rule.Apply(ref vp, vg, ref va, ref vb, ref vc);
        vp.CopyTo(lanes);
        va.CopyTo(lanes[(2 * Width)..]);
        vb.CopyTo(lanes[(3 * Width)..]);
        vc.CopyTo(lanes[(4 * Width)..]);
        lanes[..count].CopyTo(parameters);
        lanes.Slice(2 * Width, first.Length).CopyTo(first);
        lanes.Slice(3 * Width, second.Length).CopyTo(second);
        lanes.Slice(4 * Width, third.Length).CopyTo(third);
    }
}
