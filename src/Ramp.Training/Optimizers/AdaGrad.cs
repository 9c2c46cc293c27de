// AdaGrad following torch.optim.Adagrad of PyTorch 1.13 (dense, single-tensor path), operation for operation:
//   d = g + wd*p;  sum = sum + d*d;  clr = lr / (1 + (step - 1)*lr_decay);  p = p - clr*d / (sqrt(sum) + eps).
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>AdaGrad hyperparameters (PyTorch 1.13 defaults).</summary>
public sealed record AdaGradSettings : OptimizerSettings
{
    /// <summary>Learning-rate decay: the step size is lr / (1 + (step - 1) * decay).</summary>
    public double LearningRateDecay { get; init; }

    /// <summary>Starting value of the sum of squared gradients.</summary>
    public double InitialAccumulatorValue { get; init; }

    /// <summary>Added to the square root of the sum, for stability.</summary>
    public double Epsilon { get; init; } = 1e-10;

    internal override void Validate(string groupName)
    {
        Require(LearningRateDecay >= 0 && double.IsFinite(LearningRateDecay), groupName, nameof(LearningRateDecay), LearningRateDecay, "must be finite and >= 0");
        Require(InitialAccumulatorValue >= 0 && double.IsFinite(InitialAccumulatorValue), groupName, nameof(InitialAccumulatorValue), InitialAccumulatorValue, "must be finite and >= 0");
        Require(Epsilon >= 0 && double.IsFinite(Epsilon), groupName, nameof(Epsilon), Epsilon, "must be finite and >= 0");
    }
}

/// <summary>AdaGrad; state buffer <c>sum</c> (the running sum of squared gradients).</summary>
public sealed class AdaGrad : Optimizer<AdaGradSettings>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; PyTorch's defaults when null.</param>
    public AdaGrad(int parameterCount, IEnumerable<ParameterGroup> groups, AdaGradSettings? settings = null)
        : base(parameterCount, groups, settings ?? new AdaGradSettings())
    {
        DeclareBuffers("sum");
        foreach (var group in Groups)
        {
            var initial = (float)SettingsOf(group).InitialAccumulatorValue;
            foreach (var range in group.Ranges)
            {
                Buffer(0).Slice(range.Offset, range.Length).Fill(initial);
            }
        }
    }

    /// <inheritdoc/>
    public override string Name => "Adagrad";

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var settings = SettingsOf(group);
        var rate = group.LearningRate / (1 + (group.StepCount - 1) * settings.LearningRateDecay);
        ElementwiseUpdate.Run(new Rule(group.WeightDecay, settings.Epsilon, rate), group, parameters, gradients, Buffer(0), default, default);
    }

    private readonly struct Rule(double decayCoefficient, double epsilon, double rate) : IElementwiseRule
    {
        private readonly bool decay = decayCoefficient != 0;
        private readonly Vector256<float> weightDecay = Vector256.Create((float)decayCoefficient);
        private readonly Vector256<float> epsilonVector = Vector256.Create((float)epsilon);
        private readonly Vector256<float> negativeRate = Vector256.Create((float)-rate);

        public void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
            ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third)
        {
            var direction = decay ? Vector256.FusedMultiplyAdd(parameters, weightDecay, gradients) : gradients;
            first = Vector256.FusedMultiplyAdd(direction, direction, first);
            var deviation = Vector256.Sqrt(first) + epsilonVector;
            parameters += negativeRate * direction / deviation;
        }
    }
}
