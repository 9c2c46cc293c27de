// Rectified linear unit, y = max(x, 0); the gradient at x = 0 is 0, as PyTorch's.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Ramp.Training.Layers;

/// <summary>Element-wise ReLU and its backward.</summary>
public static class Relu
{
    /// <summary>Computes <c>output = max(input, 0)</c>.</summary>
    /// <param name="input">Input (any shape, L elements); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="output">Output (L).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Shapes.Length(output, input.Length);
        TensorPrimitives.Max(input, 0f, output);
    }

    /// <summary>Accumulates <c>inputGradient += outputGradient where input &gt; 0</c>.</summary>
    /// <param name="outputGradient">Gradient of the output (L).</param>
    /// <param name="input">Input (L) given to <see cref="Forward"/> (the output works as well).</param>
    /// <param name="inputGradient">Gradient of the input (L), accumulated.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Backward(ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> input, Span<float> inputGradient)
    {
        Shapes.Length(input, outputGradient.Length);
        Shapes.Length(inputGradient, outputGradient.Length);
        ref var dy = ref MemoryMarshal.GetReference(outputGradient);
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var dx = ref MemoryMarshal.GetReference(inputGradient);
        var i = 0;
        for (; i <= input.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var positive = Vector.GreaterThan(Vector.LoadUnsafe(ref x, (nuint)i), Vector<float>.Zero);
            var passed = Vector.ConditionalSelect(positive, Vector.LoadUnsafe(ref dy, (nuint)i), Vector<float>.Zero);
            (Vector.LoadUnsafe(ref dx, (nuint)i) + passed).StoreUnsafe(ref dx, (nuint)i);
        }

        for (; i < input.Length; i++)
        {
            if (input[i] > 0f)
            {
                inputGradient[i] += outputGradient[i];
            }
        }
    }
}
