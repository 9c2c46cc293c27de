// Ramp's Transformer against the same model in PyTorch 1.13 (tools/fixtures/model.py: modules mirroring
// Ramp's computation, fairseq's parameter names, dropout off), on a batch with padding on both sides:
// logits, label-smoothed loss, every gradient, and five training steps of SGD with momentum, Adam, AdamW and
// RAdam with gradient clipping. The weights come from the PyTorch-written safetensors file, so these tests
// also prove that the parameter names and shapes map one to one.
// Tolerances (largest differences seen in brackets). Logits, of order 1 to 5 [1.6e-6]: both sides round
// float32 sums over d_model = 12 and d_ff = 24 terms, through four layers, in different orders; allowed
// 1e-5 + 1e-5·|x|. Gradients of the mean loss, up to 0.4 [4.5e-7]: allowed 2e-6 + 1e-4·|g|. Parameters after
// five steps: SGD [1.2e-7] allowed 1e-6 + 1e-5·|p|; Adam, AdamW and RAdam [2.3e-6] allowed 1e-5 + 1e-4·|p|.
// The Adam family runs with eps = 1e-4 (model.py says why: at 1e-8 gradients that are pure rounding noise,
// such as those of the key-projection biases, would move by ±lr on the noise's sign).
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Models;

public sealed class ModelPyTorchTests
{
    private const float LabelSmoothing = 0.1f;

    public static TheoryData<string> Cases => ["post_ln", "pre_ln", "decoder_only"];

    public static TheoryData<string, string> OptimizerCases => new()
    {
        { "post_ln", "sgd" }, { "post_ln", "adam" }, { "post_ln", "adamw" }, { "post_ln", "radam" },
        { "pre_ln", "sgd" }, { "pre_ln", "adam" }, { "pre_ln", "adamw" }, { "pre_ln", "radam" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Logits_match_PyTorch(string name)
    {
        var fixture = ModelFixture.Load(name);
        using var model = fixture.CreateModel();

        var logits = model.Logits(fixture.Batch()).Span;

        AssertClose("logits", fixture.Floats("logits"), logits, 1e-5, 1e-5);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_every_gradient_match_PyTorch(string name)
    {
        var fixture = ModelFixture.Load(name);
        using var model = fixture.CreateModel();

        model.ZeroGradients();
        var loss = model.ForwardBackward(fixture.Batch(), LabelSmoothing, new RandomGenerator(1));

        Assert.Equal(fixture.Root.GetProperty("token_count").GetInt32(), loss.TokenCount);
        Assert.Equal(fixture.Root.GetProperty("loss").GetDouble(), loss.Mean, 1e-5);
        var expected = fixture.Tensors("gradients", model.Layout);
        var mean = model.Gradients.Span.ToArray();
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] /= loss.TokenCount;
        }

        foreach (var entry in model.Layout.Entries)
        {
            AssertClose(entry.Name, expected.AsSpan(entry.Offset, entry.Length), mean.AsSpan(entry.Offset, entry.Length), 2e-6, 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void Five_clipped_optimizer_steps_match_PyTorch(string name, string optimizerName)
    {
        var fixture = ModelFixture.Load(name);
        using var model = fixture.CreateModel();
        var run = fixture.Root.GetProperty("optimizers").EnumerateArray().Single(element => element.GetProperty("name").GetString() == optimizerName);
        var weightDecay = fixture.Root.GetProperty("weight_decay").GetDouble();
        var groups = WeightDecayGrouping.Split(model.Layout, 0, weightDecay);
        Assert.Equal(
            fixture.Root.GetProperty("decaying_parameters").EnumerateArray().Select(element => element.GetString()).Order(StringComparer.Ordinal),
            model.Layout.Entries.Where(WeightDecayGrouping.DecaysByDefault).Select(entry => entry.Name).Order(StringComparer.Ordinal));
        var (optimizer, learningRate) = Create(optimizerName, model.Layout.Length, groups, fixture.Root.GetProperty("adam_eps").GetDouble());
        foreach (var group in groups)
        {
            group.LearningRate = learningRate;
        }

        var batch = fixture.Batch();
        var losses = run.GetProperty("losses").EnumerateArray().Select(element => element.GetDouble()).ToArray();
        var norms = run.GetProperty("gradient_norms").EnumerateArray().Select(element => element.GetDouble()).ToArray();
        var clip = fixture.Root.GetProperty("clip_max_norm").GetDouble();
        for (var step = 0; step < losses.Length; step++)
        {
            model.ZeroGradients();
            var loss = model.ForwardBackward(batch, LabelSmoothing, new RandomGenerator(1));
            var gradients = model.Gradients.Span;
            foreach (ref var gradient in gradients)
            {
                gradient /= loss.TokenCount;
            }

            var norm = GradientClipping.ClipByGlobalNorm(gradients, clip);
            Assert.Equal(losses[step], loss.Mean, 1e-4);
            Assert.Equal(norms[step], norm.Norm, 1e-4);
            optimizer.Step(model.Parameters.Span, gradients);
        }

        Assert.Equal(run.GetProperty("final_loss").GetDouble(), model.ForwardBackward(batch, LabelSmoothing, new RandomGenerator(1)).Mean, 1e-4);
        var expected = fixture.Tensors(optimizerName, model.Layout);
        var adaptive = optimizerName != "sgd";
        foreach (var entry in model.Layout.Entries)
        {
            var actual = model.Parameters.Span.Slice(entry.Offset, entry.Length);
            var wanted = expected.AsSpan(entry.Offset, entry.Length);
            AssertClose(entry.Name, wanted, actual, adaptive ? 1e-5 : 1e-6, adaptive ? 1e-4 : 1e-5);
        }
    }

    private static (Optimizer Optimizer, double LearningRate) Create(string name, int count, IReadOnlyList<ParameterGroup> groups, double epsilon) => name switch
    {
        "sgd" => (new Sgd(count, groups, new SgdSettings { Momentum = 0.9 }), 0.1),
        "adam" => (new Adam(count, groups, new AdamSettings { Epsilon = epsilon }), 0.01),
        "adamw" => (new AdamW(count, groups, new AdamSettings { Epsilon = epsilon }), 0.01),
        "radam" => (new RAdam(count, groups, new RAdamSettings { Epsilon = epsilon }), 0.01),
        _ => throw new ArgumentException($"Unknown optimizer {name}.", nameof(name)),
    };

    private static void AssertClose(string name, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double absolute, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((double)actual[i] - expected[i]));
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)actual[i] - expected[i]);
            Assert.True(
                error <= absolute + (relative * Math.Abs(expected[i])),
                $"{name}[{i}]: expected {expected[i]:G9} (PyTorch), got {actual[i]:G9}; largest difference in {name}: {worst:G3}.");
        }
    }
}
