// Gaussian error linear unit, y = x·Φ(x), as PyTorch's nn.GELU: the exact form through the error function
// (approximate='none', PyTorch's default) or the tanh approximation (approximate='tanh').
// .NET has no erf, so Φ comes from a Chebyshev fit of erfc with relative error below 1.2e-7 for all
// arguments (Numerical Recipes, 2nd ed., section 6.2): erfc(z) = t·exp(-z² + P(t)), t = 1/(1 + z/2), z ≥ 0.
// Using erfc for the lower tail keeps the relative accuracy of Φ(x) for very negative x, where 1 + erf(x)
// would cancel.
// Convention (all of Layers): sources, then sizes and options, then destinations. Forward overwrites its
// outputs; Backward adds (+=) into the gradients it is given (an empty span: not wanted).
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ramp.Training.Layers;

/// <summary>Which formula <see cref="Gelu"/> uses; the names follow PyTorch's <c>approximate</c> argument.</summary>
public enum GeluApproximation
{
    /// <summary>The exact x·Φ(x) with the Gaussian cumulative distribution Φ (PyTorch's default).</summary>
    None,

    /// <summary>0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³))).</summary>
    Tanh,
}

/// <summary>Element-wise GELU, exact or tanh-approximated, and its backward.</summary>
public static class Gelu
{
    /// <summary>Computes <c>output = gelu(input)</c>.</summary>
    /// <param name="input">Input (any shape, L elements); may be the same memory as <paramref name="output"/>.</param>
    /// <param name="approximation">Exact or tanh form.</param>
    /// <param name="output">Output (L).</param>
    /// <exception cref="ArgumentException">The spans differ in length or the approximation is unknown.</exception>
    public static void Forward(ReadOnlySpan<float> input, GeluApproximation approximation, Span<float> output)
    {
        Shapes.Length(output, input.Length);
        switch (approximation)
        {
            case GeluApproximation.None:
                Map<ExactForm>(input, output);
                break;
            case GeluApproximation.Tanh:
                Map<TanhForm>(input, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "Expected None or Tanh.");
        }
    }

    /// <summary>Accumulates <c>inputGradient += outputGradient * gelu'(input)</c>.</summary>
    /// <param name="outputGradient">Gradient of the output (L).</param>
    /// <param name="input">Input (L) given to <see cref="Forward"/>.</param>
    /// <param name="approximation">The form used in the forward pass.</param>
    /// <param name="inputGradient">Gradient of the input (L), accumulated.</param>
    /// <exception cref="ArgumentException">The spans differ in length or the approximation is unknown.</exception>
    public static void Backward(
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> input, GeluApproximation approximation, Span<float> inputGradient)
    {
        Shapes.Length(input, outputGradient.Length);
        Shapes.Length(inputGradient, outputGradient.Length);
        switch (approximation)
        {
            case GeluApproximation.None:
                AccumulateGradient<ExactForm>(outputGradient, input, inputGradient);
                break;
            case GeluApproximation.Tanh:
                AccumulateGradient<TanhForm>(outputGradient, input, inputGradient);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "Expected None or Tanh.");
        }
    }

    private static void Map<TForm>(ReadOnlySpan<float> input, Span<float> output)
        where TForm : IForm
    {
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var y = ref MemoryMarshal.GetReference(output);
        var i = 0;
        for (; i <= input.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            TForm.Value(Vector.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
        }

        // The tail goes through the same vector formula via a zero-padded buffer, so there is one formula.
        if (i < input.Length)
        {
            Span<float> buffer = stackalloc float[Vector<float>.Count];
            buffer.Clear();
            input[i..].CopyTo(buffer);
            TForm.Value(new Vector<float>(buffer)).CopyTo(buffer);
            buffer[..(input.Length - i)].CopyTo(output[i..]);
        }
    }

    private static void AccumulateGradient<TForm>(ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> input, Span<float> inputGradient)
        where TForm : IForm
    {
        ref var dy = ref MemoryMarshal.GetReference(outputGradient);
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var dx = ref MemoryMarshal.GetReference(inputGradient);
        var i = 0;
        for (; i <= input.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var derivative = TForm.Derivative(Vector.LoadUnsafe(ref x, (nuint)i));
            (Vector.LoadUnsafe(ref dx, (nuint)i) + (Vector.LoadUnsafe(ref dy, (nuint)i) * derivative)).StoreUnsafe(ref dx, (nuint)i);
        }

        if (i < input.Length)
        {
            Span<float> buffer = stackalloc float[Vector<float>.Count];
            buffer.Clear();
            input[i..].CopyTo(buffer);
            TForm.Derivative(new Vector<float>(buffer)).CopyTo(buffer);
            for (var j = i; j < input.Length; j++)
            {
                inputGradient[j] += outputGradient[j] * buffer[j - i];
            }
        }
    }

    private interface IForm
    {
        static abstract Vector<float> Value(Vector<float> x);

        static abstract Vector<float> Derivative(Vector<float> x);
    }

    // y = x·Φ(x); y' = Φ(x) + x·φ(x) with φ the standard normal density.
    private readonly struct ExactForm : IForm
    {
        private const float InverseSquareRootTwo = 0.70710678118654752f;
        private const float InverseSquareRootTwoPi = 0.39894228040143268f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Value(Vector<float> x)
        {
            var z = Vector.Abs(x) * new Vector<float>(InverseSquareRootTwo);
            var t = Vector<float>.One / (Vector<float>.One + (new Vector<float>(0.5f) * z));
            var erfc = t * VectorMath.ExpOfNumber(ErfcPolynomial(t) - (z * z));
            return x * Cumulative(x, erfc);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Derivative(Vector<float> x)
        {
            var z = Vector.Abs(x) * new Vector<float>(InverseSquareRootTwo);
            var t = Vector<float>.One / (Vector<float>.One + (new Vector<float>(0.5f) * z));
            var gaussian = VectorMath.ExpOfNumber(-(z * z));
            var erfc = t * gaussian * VectorMath.ExpOfNumber(ErfcPolynomial(t));
            return Cumulative(x, erfc) + (x * gaussian * new Vector<float>(InverseSquareRootTwoPi));
        }

        // Φ(x) = erfc(-x/√2)/2: for x ≥ 0 that is 1 - erfc(|x|/√2)/2, for x < 0 it is erfc(|x|/√2)/2.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Cumulative(Vector<float> x, Vector<float> erfcOfAbsolute)
        {
            var half = new Vector<float>(0.5f) * erfcOfAbsolute;
            return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), Vector<float>.One - half, half);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> ErfcPolynomial(Vector<float> t)
        {
            // Degree nine: a degree-seven Estrin tree for the first eight terms plus t⁸·(c8 + c9·t).
            var low = VectorMath.Polynomial(
                t, -1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f, -0.18628806f, 0.27886807f, -1.13520398f, 1.48851587f);
            var t4 = t * t * (t * t);
            var high = Vector.MultiplyAddEstimate(new Vector<float>(0.17087277f), t, new Vector<float>(-0.82215223f));
            return Vector.MultiplyAddEstimate(high, t4 * t4, low);
        }
    }

    // y = x·s/2 with s = 1 + tanh(u) = 2/(1 + exp(-2u)), u = √(2/π)(x + 0.044715x³); writing 1 + tanh as a
    // logistic function avoids cancellation for negative u and overflow to NaN for large |u|.
    // y' = s/2 + x·s·(2 - s)/2 · √(2/π)(1 + 3·0.044715x²), since 1 - tanh² = s(2 - s).
    private readonly struct TanhForm : IForm
    {
        private const float SquareRootTwoOverPi = 0.79788456080286536f;
        private const float Cubic = 0.044715f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Value(Vector<float> x) => new Vector<float>(0.5f) * x * OnePlusTanh(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Derivative(Vector<float> x)
        {
            var s = OnePlusTanh(x);
            var half = new Vector<float>(0.5f);
            var slope = new Vector<float>(SquareRootTwoOverPi) * (Vector<float>.One + (new Vector<float>(3 * Cubic) * x * x));
            return (half * s) + (half * x * s * (new Vector<float>(2f) - s) * slope);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> OnePlusTanh(Vector<float> x)
        {
            var u = new Vector<float>(SquareRootTwoOverPi) * (x + (new Vector<float>(Cubic) * x * x * x));
            return new Vector<float>(2f) / (Vector<float>.One + VectorMath.ExpOfNumber(new Vector<float>(-2f) * u));
        }
    }
}
