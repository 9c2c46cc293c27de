// Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay, following
// torch.optim.SGD of PyTorch 1.13 (single-tensor path) operation for operation:
//   d = g + wd*p;  buf = d on the first step, else momentum*buf + (1 - dampening)*d;
//   d = nesterov ? d + momentum*buf : buf;  p = p - lr*d.
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>SGD hyperparameters (PyTorch 1.13 defaults).</summary>
public sealed record SgdSettings : OptimizerSettings
{
    /// <summary>Momentum factor; 0 disables the momentum buffer.</summary>
    public double Momentum { get; init; }

    /// <summary>Dampening of the gradient added to the momentum buffer (not applied on the first step).</summary>
    public double Dampening { get; init; }

    /// <summary>Nesterov momentum; requires momentum &gt; 0 and dampening 0.</summary>
    public bool Nesterov { get; init; }

    internal override void Validate(string groupName)
    {
        Require(Momentum >= 0 && double.IsFinite(Momentum), groupName, nameof(Momentum), Momentum, "momentum must be finite and >= 0");
        Require(double.IsFinite(Dampening), groupName, nameof(Dampening), Dampening, "dampening must be finite");
        Require(!Nesterov || (Momentum > 0 && Dampening == 0), groupName, nameof(Momentum), Momentum,
            $"Nesterov momentum requires momentum > 0 and dampening 0 (dampening is {Dampening})");
    }
}

/// <summary>Stochastic gradient descent with optional (Nesterov) momentum; state buffer <c>momentum_buffer</c>.</summary>
public sealed class Sgd : Optimizer<SgdSettings>
{
    private readonly int momentumBuffer;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; plain SGD when null.</param>
    public Sgd(int parameterCount, IEnumerable<ParameterGroup> groups, SgdSettings? settings = null)
        : base(parameterCount, groups, settings ?? new SgdSettings())
    {
        var anyMomentum = Groups.Any(group => SettingsOf(group).Momentum != 0);
        DeclareBuffers(anyMomentum ? ["momentum_buffer"] : []);
        momentumBuffer = anyMomentum ? 0 : -1;
    }

    /// <inheritdoc/>
    public override string Name => "SGD";

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var settings = SettingsOf(group);
        var rule = new Rule(group.WeightDecay, settings, firstStep: group.StepCount == 1, group.LearningRate);
        ElementwiseUpdate.Run(rule, group, parameters, gradients, settings.Momentum != 0 ? Buffer(momentumBuffer) : default, default, default);
    }

    private readonly struct Rule : IElementwiseRule
    {
        private readonly bool decay;
        private readonly Vector256<float> weightDecay;
        private readonly bool momentum;
        private readonly bool firstStep;
        private readonly Vector256<float> momentumFactor;
        private readonly Vector256<float> oneMinusDampening;
        private readonly bool nesterov;
        private readonly Vector256<float> negativeRate;

        public Rule(double decayCoefficient, SgdSettings settings, bool firstStep, double learningRate)
        {
            decay = decayCoefficient != 0;
            weightDecay = Vector256.Create((float)decayCoefficient);
            momentum = settings.Momentum != 0;
            this.firstStep = firstStep;
            momentumFactor = Vector256.Create((float)settings.Momentum);
            oneMinusDampening = Vector256.Create((float)(1 - settings.Dampening));
            nesterov = settings.Nesterov;
            negativeRate = Vector256.Create((float)-learningRate);
        }

        public void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
            ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third)
        {
            var direction = decay ? Vector256.FusedMultiplyAdd(parameters, weightDecay, gradients) : gradients;
            if (momentum)
            {
                first = firstStep ? direction : Vector256.FusedMultiplyAdd(direction, oneMinusDampening, first * momentumFactor);
                direction = nesterov ? Vector256.FusedMultiplyAdd(first, momentumFactor, direction) : first;
            }
            parameters = Vector256.FusedMultiplyAdd(direction, negativeRate, parameters);
        }
    }
}
