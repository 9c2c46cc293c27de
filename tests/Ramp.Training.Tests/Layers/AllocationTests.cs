using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class AllocationTests
{
    [Fact]
    public void Forward_and_backward_of_every_operation_allocate_nothing_after_warm_up()
    {
        const int B = 2, T = 8, C = 16, H = 2, V = 11, F = 4 * C, N = B * T;
        var generator = new RandomGenerator(80);
        var x = GradientCheck.Uniform(generator, N * C);
        var y = new float[N * C];
        var dy = GradientCheck.Uniform(generator, N * C);
        var dx = new float[N * C];
        var q = GradientCheck.Uniform(generator, N * C);
        var k = GradientCheck.Uniform(generator, N * C);
        var v = GradientCheck.Uniform(generator, N * C);
        var dq = new float[N * C];
        var dk = new float[N * C];
        var dv = new float[N * C];
        var hidden = new float[N * F];
        var dHidden = new float[N * F];
        var weight = GradientCheck.Uniform(generator, F * C);
        var dWeight = new float[F * C];
        var bias = new float[F];
        var dBias = new float[F];
        var table = GradientCheck.Uniform(generator, V * C);
        var dTable = new float[V * C];
        var positions = new float[T * C];
        var gamma = new float[C];
        var beta = new float[C];
        var dGamma = new float[C];
        var dBeta = new float[C];
        var mean = new float[N];
        var rstd = new float[N];
        var mask = new float[N * C];
        var weights = new float[B * H * T * T];
        var attentionMask = new float[B * H * T * T];
        var scratch = new float[Attention.ScratchLength(T, T)];
        var logits = GradientCheck.Uniform(generator, N * V);
        var dLogits = new float[N * V];
        var tokens = new int[N];
        var targets = new int[N];
        int[] keyLengths = [T, T / 2];
        Array.Fill(gamma, 1f);
        Positions.FillSinusoidal(T, C, positions);
        Dropout.FillMask(0.1f, generator, attentionMask);

        void Step()
        {
            Embedding.Forward(tokens, table, N, V, C, Embedding.TransformerScale(C), y);
            Embedding.Backward(dy, tokens, N, V, C, 4f, 0, dTable);
            Positions.Forward(y, positions, B, T, C, y);
            Positions.Backward(dy, B, T, C, dx, []);
            LayerNorm.Forward(x, gamma, beta, N, C, y, mean, rstd);
            LayerNorm.Backward(dy, x, gamma, mean, rstd, N, C, dx, dGamma, dBeta);
            Linear.Forward(x, weight, bias, N, C, F, hidden);
            Linear.Backward(dHidden, x, weight, N, C, F, dx, dWeight, dBias);
            Gelu.Forward(hidden, GeluApproximation.None, hidden);
            Gelu.Backward(dHidden, hidden, GeluApproximation.Tanh, dHidden);
            Relu.Forward(hidden, hidden);
            Relu.Backward(dHidden, hidden, dHidden);
            Dropout.Forward(x, 0.1f, true, generator, mask, y);
            Dropout.Backward(dy, mask, dx);
            Softmax.Forward(x, N, C, y);
            Softmax.Backward(dy, y, N, C, dx);
            Residual.Forward(x, y, y);
            Residual.Backward(dy, dx, dq);
            Attention.Forward(q, k, v, keyLengths, attentionMask, B, T, T, C, H, true, weights, scratch, y);
            Attention.Backward(dy, q, k, v, weights, keyLengths, attentionMask, B, T, T, C, H, true, scratch, dq, dk, dv);
            CrossEntropy.ForwardBackward(logits, targets, N, V, 0.1f, -100, dLogits);
        }

        Step();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Step();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
