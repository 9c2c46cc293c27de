// Layer normalization over the last dimension with an affine transform, as PyTorch's nn.LayerNorm(C)
// (biased variance, epsilon 1e-5 inside the square root). Forward saves each row's mean and reciprocal
// standard deviation; Backward uses them instead of recomputing.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Ramp.Training.Layers;

/// <summary>Row-wise layer normalization y = (x - mean) / sqrt(var + eps) * weight + bias, and its backward.</summary>
public static class LayerNorm
{
    /// <summary>The epsilon added to the variance: PyTorch's default.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>Normalizes each row of the input and applies the affine transform.</summary>
    /// <param name="input">Input (N, C).</param>
    /// <param name="weight">Scale (C).</param>
    /// <param name="bias">Shift (C).</param>
    /// <param name="rowCount">N (B * T).</param>
    /// <param name="channels">C.</param>
    /// <param name="output">Output (N, C); may not overlap the input.</param>
    /// <param name="mean">Per-row mean (N), saved for <see cref="Backward"/>.</param>
    /// <param name="reciprocalStandardDeviation">Per-row 1 / sqrt(var + eps) (N), saved for <see cref="Backward"/>.</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Forward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        int rowCount, int channels,
        Span<float> output, Span<float> mean, Span<float> reciprocalStandardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(channels);
        Shapes.Length(input, (long)rowCount * channels);
        Shapes.Length(weight, channels);
        Shapes.Length(bias, channels);
        Shapes.Length(output, (long)rowCount * channels);
        Shapes.Length(mean, rowCount);
        Shapes.Length(reciprocalStandardDeviation, rowCount);

        for (var n = 0; n < rowCount; n++)
        {
            var x = input.Slice(n * channels, channels);
            var rowMean = TensorPrimitives.Sum(x) / channels;
            var rstd = 1f / MathF.Sqrt((SumOfSquaredDeviations(x, rowMean) / channels) + Epsilon);
            mean[n] = rowMean;
            reciprocalStandardDeviation[n] = rstd;
            NormalizeRow(x, weight, bias, rowMean, rstd, output.Slice(n * channels, channels));
        }
    }

    /// <summary>Accumulates the gradients of input, weight and bias.</summary>
    /// <param name="outputGradient">Gradient of the output (N, C).</param>
    /// <param name="input">Input (N, C) given to <see cref="Forward"/>.</param>
    /// <param name="weight">Scale (C).</param>
    /// <param name="mean">Per-row mean (N) from <see cref="Forward"/>.</param>
    /// <param name="reciprocalStandardDeviation">Per-row 1 / sqrt(var + eps) (N) from <see cref="Forward"/>.</param>
    /// <param name="rowCount">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="inputGradient">Gradient of the input (N, C), accumulated; or empty.</param>
    /// <param name="weightGradient">Gradient of the scale (C), accumulated; or empty.</param>
    /// <param name="biasGradient">Gradient of the shift (C), accumulated; or empty.</param>
    /// <exception cref="ArgumentException">A span does not match its shape.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> reciprocalStandardDeviation,
        int rowCount, int channels,
        Span<float> inputGradient, Span<float> weightGradient, Span<float> biasGradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Shapes.Positive(channels);
        Shapes.Length(outputGradient, (long)rowCount * channels);
        Shapes.Length(input, (long)rowCount * channels);
        Shapes.Length(weight, channels);
        Shapes.Length(mean, rowCount);
        Shapes.Length(reciprocalStandardDeviation, rowCount);
        Shapes.LengthOrEmpty(inputGradient, (long)rowCount * channels);
        Shapes.LengthOrEmpty(weightGradient, channels);
        Shapes.LengthOrEmpty(biasGradient, channels);

        for (var n = 0; n < rowCount; n++)
        {
            var dy = outputGradient.Slice(n * channels, channels);
            var x = input.Slice(n * channels, channels);
            var rowMean = mean[n];
            var rstd = reciprocalStandardDeviation[n];
            if (!inputGradient.IsEmpty)
            {
                InputGradientRow(dy, x, weight, rowMean, rstd, inputGradient.Slice(n * channels, channels));
            }

            if (!weightGradient.IsEmpty)
            {
                WeightGradientRow(dy, x, rowMean, rstd, weightGradient);
            }

            if (!biasGradient.IsEmpty)
            {
                TensorPrimitives.Add(biasGradient, dy, biasGradient);
            }
        }
    }

    // Two passes (mean, then squared deviations) rather than E[x²] - mean², which cancels badly when the
    // mean is large next to the spread, as it can be for Post-LN residual sums.
    private static float SumOfSquaredDeviations(ReadOnlySpan<float> x, float mean)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        var meanVector = new Vector<float>(mean);
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = Vector.LoadUnsafe(ref xr, (nuint)i) - meanVector;
            sums += d * d;
        }

        var sum = Vector.Sum(sums);
        for (; i < x.Length; i++)
        {
            var d = x[i] - mean;
            sum += d * d;
        }

        return sum;
    }

    private static void NormalizeRow(
        ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, float mean, float rstd, Span<float> y)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var wr = ref MemoryMarshal.GetReference(weight);
        ref var br = ref MemoryMarshal.GetReference(bias);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var meanVector = new Vector<float>(mean);
        var rstdVector = new Vector<float>(rstd);
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var normalized = (Vector.LoadUnsafe(ref xr, (nuint)i) - meanVector) * rstdVector;
            var result = (normalized * Vector.LoadUnsafe(ref wr, (nuint)i)) + Vector.LoadUnsafe(ref br, (nuint)i);
            result.StoreUnsafe(ref yr, (nuint)i);
        }

        for (; i < x.Length; i++)
        {
            y[i] = ((x[i] - mean) * rstd * weight[i]) + bias[i];
        }
    }

    // dx += rstd * (g - mean(g) - xhat * mean(g * xhat)), with g = dy * weight and xhat the normalized input.
    private static void InputGradientRow(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float mean, float rstd, Span<float> dx)
    {
        ref var dyr = ref MemoryMarshal.GetReference(dy);
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var wr = ref MemoryMarshal.GetReference(weight);
        ref var dxr = ref MemoryMarshal.GetReference(dx);
        var count = x.Length;
        var meanVector = new Vector<float>(mean);
        var rstdVector = new Vector<float>(rstd);

        var gradientSums = Vector<float>.Zero;
        var projectionSums = Vector<float>.Zero;
        var i = 0;
        for (; i <= count - Vector<float>.Count; i += Vector<float>.Count)
        {
            var g = Vector.LoadUnsafe(ref dyr, (nuint)i) * Vector.LoadUnsafe(ref wr, (nuint)i);
            var normalized = (Vector.LoadUnsafe(ref xr, (nuint)i) - meanVector) * rstdVector;
            gradientSums += g;
            projectionSums += g * normalized;
        }

        var gradientSum = Vector.Sum(gradientSums);
        var projectionSum = Vector.Sum(projectionSums);
        for (; i < count; i++)
        {
            var g = dy[i] * weight[i];
            gradientSum += g;
            projectionSum += g * (x[i] - mean) * rstd;
        }

        var gradientMean = gradientSum / count;
        var projectionMean = projectionSum / count;
        var gradientMeanVector = new Vector<float>(gradientMean);
        var projectionMeanVector = new Vector<float>(projectionMean);
        i = 0;
        for (; i <= count - Vector<float>.Count; i += Vector<float>.Count)
        {
            var g = Vector.LoadUnsafe(ref dyr, (nuint)i) * Vector.LoadUnsafe(ref wr, (nuint)i);
            var normalized = (Vector.LoadUnsafe(ref xr, (nuint)i) - meanVector) * rstdVector;
            var result = Vector.LoadUnsafe(ref dxr, (nuint)i) + (rstdVector * (g - gradientMeanVector - (normalized * projectionMeanVector)));
            result.StoreUnsafe(ref dxr, (nuint)i);
        }

        for (; i < count; i++)
        {
            var normalized = (x[i] - mean) * rstd;
            dx[i] += rstd * ((dy[i] * weight[i]) - gradientMean - (normalized * projectionMean));
        }
    }

    // dweight += dy * xhat.
    private static void WeightGradientRow(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, float mean, float rstd, Span<float> dweight)
    {
        ref var dyr = ref MemoryMarshal.GetReference(dy);
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var dwr = ref MemoryMarshal.GetReference(dweight);
        var meanVector = new Vector<float>(mean);
        var rstdVector = new Vector<float>(rstd);
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var normalized = (Vector.LoadUnsafe(ref xr, (nuint)i) - meanVector) * rstdVector;
            var result = Vector.LoadUnsafe(ref dwr, (nuint)i) + (Vector.LoadUnsafe(ref dyr, (nuint)i) * normalized);
            result.StoreUnsafe(ref dwr, (nuint)i);
        }

        for (; i < x.Length; i++)
        {
            dweight[i] += dy[i] * (x[i] - mean) * rstd;
        }
    }
}
