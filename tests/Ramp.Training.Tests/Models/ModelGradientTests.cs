// Finite-difference check of the whole model's backward pass: for every parameter tensor, the derivative of
// the summed loss along a random ±1 direction within that tensor, (L(θ + h·v) - L(θ - h·v)) / 2h, against
// the analytic g·v. Dropout is on (p = 0.1 on sublayers, embeddings and attention weights) with the same
// generator seed for every evaluation, so every pass draws the same masks and the masks' backward is checked
// too; label smoothing 0.1, learned positions (so their gradient is checked), padding on both sides.
// Tolerance: the loss is a float32 sum over ~30 tokens, quantized at about 6e-7, which a step h = 1e-3 turns
// into a noise of about 6e-4 in the difference quotient (the largest seen, on the key biases whose true
// gradient is zero); the truncation error h²·L'''/6 is below 1e-3 relative here (h = 1e-2 shows it at 1e-2 on
// the sqrt(d_model)-scaled embeddings). |analytic - numeric| <= 2e-3 + 1e-2·|numeric| leaves a margin of about
// three over the largest error seen, and still fails a wrong term in any tensor.
// GELU throughout: with ReLU a step of h moves some pre-activations across the kink and the difference
// quotient is off by a few percent; the ReLU path is checked against PyTorch (ModelPyTorchTests, Post-LN).
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Models;

public sealed class ModelGradientTests
{
    private const float Step = 1e-3f;
    private const double AbsoluteTolerance = 2e-3;
    private const double RelativeTolerance = 1e-2;

    [Theory]
    [InlineData("encoder_decoder", "post", "gelu", true)]
    [InlineData("encoder_decoder", "pre", "gelu", false)]
    [InlineData("decoder_only", "post", "gelu", false)]
    [InlineData("decoder_only", "pre", "gelu", true)]
    public void Backward_matches_central_differences_of_the_summed_loss(string architecture, string norm, string activation, bool tied)
    {
        using var model = TinyModels.Create(TinyModels.Config(architecture, norm, activation, tied), positions: "learned");
        var batch = TinyModels.Batch();
        double Loss() => model.ForwardBackward(batch, 0.1f, new RandomGenerator(11)).Sum;
        model.ZeroGradients();
        Loss();
        var gradient = model.Gradients.Span.ToArray();

        foreach (var entry in model.Layout.Entries)
        {
            var direction = new float[entry.Length];
            var generator = new RandomGenerator((ulong)entry.Offset + 1);
            double analytic = 0;
            for (var i = 0; i < direction.Length; i++)
            {
                direction[i] = generator.NextSingle() < 0.5f ? -1f : 1f;
                analytic += gradient[entry.Offset + i] * (double)direction[i];
            }

            var values = model.Parameters.Span.Slice(entry.Offset, entry.Length);
            var saved = values.ToArray();
            Move(values, saved, direction, Step);
            var above = Loss();
            Move(model.Parameters.Span.Slice(entry.Offset, entry.Length), saved, direction, -Step);
            var below = Loss();
            saved.CopyTo(model.Parameters.Span.Slice(entry.Offset, entry.Length));

            var numeric = (above - below) / (2 * Step);
            Assert.True(
                Math.Abs(analytic - numeric) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric)),
                $"{entry.Name}: backward gives {analytic:G6} along the direction, central difference gives {numeric:G6}.");
        }
    }

    private static void Move(Span<float> values, float[] saved, float[] direction, float step)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = saved[i] + (step * direction[i]);
        }
    }
}
