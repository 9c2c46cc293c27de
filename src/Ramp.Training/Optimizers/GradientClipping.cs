// Gradient clipping by global norm with torch.nn.utils.clip_grad_norm_ semantics (PyTorch 1.13): the norm is
// the L2 norm of all gradients together; the scale is max_norm / (norm + 1e-6), applied only when below 1,
// and computed in float32 as PyTorch does ((1 / (norm + 1e-6)) * max_norm). The norm is accumulated in double,
// in a fixed order, so it is deterministic and never overflows; PyTorch's float32 per-tensor norms can
// differ from it in the last bit. A non-finite norm leaves the gradients untouched (PyTorch would scale them
// by NaN); the trainer skips such steps.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>The global gradient norm of a step and the scale applied to the gradients.</summary>
/// <param name="Norm">L2 norm of all gradients before clipping.</param>
/// <param name="Scale">Factor the gradients were multiplied by: 1 when not clipped.</param>
public readonly record struct GradientNorm(float Norm, float Scale)
{
    /// <summary>Whether the norm is finite; a trainer skips the update when it is not.</summary>
    public bool IsFinite => float.IsFinite(Norm);

    /// <summary>Whether the gradients were scaled down.</summary>
    public bool Clipped => Scale < 1f;
}

/// <summary>Global-norm computation and clipping over a flat gradient block.</summary>
public static class GradientClipping
{
    private const float NormEpsilon = 1e-6f;

    /// <summary>The L2 norm of all <paramref name="gradients"/>, accumulated in double.</summary>
    /// <param name="gradients">The flat gradient block (N).</param>
    public static float GlobalNorm(ReadOnlySpan<float> gradients)
    {
        ref var g = ref MemoryMarshal.GetReference(gradients);
        var sum0 = Vector256<double>.Zero;
        var sum1 = Vector256<double>.Zero;
        var i = 0;
        for (; i <= gradients.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref g, (nuint)i));
            sum0 = Vector256.FusedMultiplyAdd(low, low, sum0);
            sum1 = Vector256.FusedMultiplyAdd(high, high, sum1);
        }
        var sum = Vector256.Sum(sum0 + sum1);
        for (; i < gradients.Length; i++)
        {
            double value = Unsafe.Add(ref g, i);
            sum += value * value;
        }
        return (float)Math.Sqrt(sum);
    }

    /// <summary>Computes the global norm and, when it exceeds <paramref name="maxNorm"/>, scales the gradients in place.</summary>
    /// <param name="gradients">The flat gradient block (N), scaled in place.</param>
    /// <param name="maxNorm">Largest norm allowed; <see cref="double.PositiveInfinity"/> only measures.</param>
    public static GradientNorm ClipByGlobalNorm(Span<float> gradients, double maxNorm)
    {
        if (!(maxNorm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), $"Maximum gradient norm {maxNorm} is not allowed; it must be > 0 (infinity disables clipping).");
        }
        var norm = GlobalNorm(gradients);
        if (!float.IsFinite(norm))
        {
            return new GradientNorm(norm, 1f);
        }
        var scale = 1f / (norm + NormEpsilon) * (float)maxNorm;
        if (!(scale < 1f))
        {
            return new GradientNorm(norm, 1f);
        }
        Scale(gradients, scale);
        return new GradientNorm(norm, scale);
    }

    private static void Scale(Span<float> values, float factor)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        var vector = Vector256.Create(factor);
        var i = 0;
        for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            (Vector256.LoadUnsafe(ref v, (nuint)i) * vector).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < values.Length; i++)
        {
            Unsafe.Add(ref v, i) *= factor;
        }
    }
}
