// Vectorized row kernels shared by softmax, attention and cross-entropy: the numerically stable
// exponential sum and the softmax Jacobian-vector product. Rows are contiguous spans.
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Ramp.Training.Layers;

internal static class RowMath
{
    // destination[i] = exp(source[i] - shift); returns the sum of the exponentials.
    // source and destination may be the same memory.
    public static float ExpShiftedSum(ReadOnlySpan<float> source, float shift, Span<float> destination)
    {
        ref var x = ref MemoryMarshal.GetReference(source);
        ref var y = ref MemoryMarshal.GetReference(destination);
        var n = source.Length;
        var shiftVector = new Vector<float>(shift);
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            var e = Vector.Exp(Vector.LoadUnsafe(ref x, (nuint)i) - shiftVector);
            e.StoreUnsafe(ref y, (nuint)i);
            sums += e;
        }

        var sum = Vector.Sum(sums);
        for (; i < n; i++)
        {
            var e = MathF.Exp(source[i] - shift);
            destination[i] = e;
            sum += e;
        }

        return sum;
    }

    // The sum of exp(source[i] - shift), without storing the exponentials.
    public static float ExpShiftedSum(ReadOnlySpan<float> source, float shift)
    {
        ref var x = ref MemoryMarshal.GetReference(source);
        var n = source.Length;
        var shiftVector = new Vector<float>(shift);
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            sums += Vector.Exp(Vector.LoadUnsafe(ref x, (nuint)i) - shiftVector);
        }

        var sum = Vector.Sum(sums);
        for (; i < n; i++)
        {
            sum += MathF.Exp(source[i] - shift);
        }

        return sum;
    }

    // output = softmax(input) over one row. A row whose entries are all -infinity (every position masked)
    // gives zeros rather than the 0/0 NaN of the textbook formula. input and output may be the same memory.
    public static void Softmax(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var max = TensorPrimitives.Max(input);
        if (float.IsNegativeInfinity(max))
        {
            output.Clear();
            return;
        }

        var sum = ExpShiftedSum(input, max, output);
        TensorPrimitives.Multiply(output, 1f / sum, output);
    }

    // The backward of y = softmax(x) for one row: g = scale * y * (dy - dot(dy, y)), written into
    // inputGradient when accumulate is false and added to it otherwise. inputGradient may be the same
    // memory as outputGradient (written in place).
    public static void SoftmaxBackward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> output, float scale, bool accumulate, Span<float> inputGradient)
    {
        var dot = TensorPrimitives.Dot(outputGradient, output);
        ref var dy = ref MemoryMarshal.GetReference(outputGradient);
        ref var y = ref MemoryMarshal.GetReference(output);
        ref var dx = ref MemoryMarshal.GetReference(inputGradient);
        var n = output.Length;
        var dotVector = new Vector<float>(dot);
        var scaleVector = new Vector<float>(scale);
        var i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            var g = scaleVector * Vector.LoadUnsafe(ref y, (nuint)i) * (Vector.LoadUnsafe(ref dy, (nuint)i) - dotVector);
            if (accumulate)
            {
                g += Vector.LoadUnsafe(ref dx, (nuint)i);
            }

            g.StoreUnsafe(ref dx, (nuint)i);
        }

        for (; i < n; i++)
        {
            var g = scale * output[i] * (outputGradient[i] - dot);
            inputGradient[i] = accumulate ? inputGradient[i] + g : g;
        }
    }
}
