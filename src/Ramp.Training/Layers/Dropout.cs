// Inverted dropout (Srivastava et al. 2014, in the form PyTorch uses): in training each element is zeroed
// with probability p (the DROP probability, as PyTorch; the paper's p is the keep probability) and the
// kept ones are scaled by 1/(1-p), so evaluation needs no rescaling and is the identity.
// The mask holds the per-element factor (0 or 1/(1-p)); it is drawn from the caller's generator, stored by
// the caller, and the same mask multiplies the gradient in Backward.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Ramp.Training.Randomness;

namespace Ramp.Training.Layers;

/// <summary>Seeded inverted dropout: mask generation, forward and backward.</summary>
public static class Dropout
{
    /// <summary>
    /// Draws a mask: each element is 0 with probability <paramref name="probability"/> and 1/(1-p) otherwise.
    /// Each 64-bit draw decides two elements: its low 32 bits the even one, its high 32 bits the odd one, each
    /// kept when at least round(p·2³²).
    /// </summary>
    /// <param name="probability">Drop probability p in [0, 1]; p = 1 drops everything.</param>
    /// <param name="generator">The dropout generator; advances by ceil(length / 2) draws.</param>
    /// <param name="mask">Mask to overwrite, the shape of the tensor it will multiply.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public static void FillMask(float probability, RandomGenerator generator, Span<float> mask)
    {
        ArgumentNullException.ThrowIfNull(generator);
        CheckProbability(probability);
        if (probability >= 1f)
        {
            mask.Clear();
            return;
        }

        var threshold = new Vector<uint>((uint)Math.Min(Math.Round(probability * 4294967296.0), uint.MaxValue));
        var kept = new Vector<float>(1f / (1f - probability));
        Span<ulong> words = stackalloc ulong[64];
        Span<uint> halves = MemoryMarshal.Cast<ulong, uint>(words);
        Span<float> chunkMask = stackalloc float[halves.Length];
        for (var start = 0; start < mask.Length; start += halves.Length)
        {
            var count = Math.Min(halves.Length, mask.Length - start);
            generator.Fill(words[..((count + 1) / 2)]);
            var destination = count == halves.Length ? mask.Slice(start, count) : chunkMask;
            for (var i = 0; i < halves.Length; i += Vector<uint>.Count)
            {
                var keep = Vector.AsVectorInt32(Vector.GreaterThanOrEqual(new Vector<uint>(halves[i..]), threshold));
                Vector.ConditionalSelect(keep, kept, Vector<float>.Zero).CopyTo(destination[i..]);
            }

            if (count < halves.Length)
            {
                chunkMask[..count].CopyTo(mask[start..]);
            }
        }
    }

    /// <summary>
    /// Applies dropout: in training draws a fresh mask and multiplies; in evaluation (or with p = 0) copies the
    /// input and sets the mask, if given, to ones so that <see cref="Backward"/> is the identity too.
    /// </summary>
    /// <param name="input">Input (any shape, L elements); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="probability">Drop probability p in [0, 1].</param>
    /// <param name="training">Whether to drop; false is evaluation mode.</param>
    /// <param name="generator">The dropout generator; not advanced in evaluation mode or when p = 0.</param>
    /// <param name="mask">Mask (L) to overwrite and keep for <see cref="Backward"/>; may be empty in evaluation.</param>
    /// <param name="output">Output (L).</param>
    /// <exception cref="ArgumentException">A span does not match, or p is outside [0, 1].</exception>
    public static void Forward(
        ReadOnlySpan<float> input, float probability, bool training, RandomGenerator generator,
        Span<float> mask, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(generator);
        CheckProbability(probability);
        Shapes.Length(output, input.Length);
        if (!training || probability == 0f)
        {
            Shapes.LengthOrEmpty(mask, input.Length);
            mask.Fill(1f);
            input.CopyTo(output);
            return;
        }

        Shapes.Length(mask, input.Length);
        FillMask(probability, generator, mask);
        TensorPrimitives.Multiply(input, mask, output);
    }

    /// <summary>Multiplies the input by a mask drawn earlier with <see cref="FillMask"/>.</summary>
    /// <param name="input">Input (L); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="mask">Mask (L).</param>
    /// <param name="output">Output (L).</param>
    /// <exception cref="ArgumentException">A span does not match.</exception>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> mask, Span<float> output)
    {
        Shapes.Length(mask, input.Length);
        Shapes.Length(output, input.Length);
        TensorPrimitives.Multiply(input, mask, output);
    }

    /// <summary>Accumulates <c>inputGradient += outputGradient * mask</c>.</summary>
    /// <param name="outputGradient">Gradient of the output (L).</param>
    /// <param name="mask">The mask (L) used in the forward pass.</param>
    /// <param name="inputGradient">Gradient of the input (L), accumulated.</param>
    /// <exception cref="ArgumentException">A span does not match.</exception>
    public static void Backward(ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> mask, Span<float> inputGradient)
    {
        Shapes.Length(mask, outputGradient.Length);
        Shapes.Length(inputGradient, outputGradient.Length);
        TensorPrimitives.MultiplyAdd(outputGradient, mask, inputGradient, inputGradient);
    }

    private static void CheckProbability(float probability)
    {
        if (!(probability >= 0f && probability <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The drop probability must be in [0, 1].");
        }
    }
}
