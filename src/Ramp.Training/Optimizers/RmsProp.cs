// RMSprop following torch.optim.RMSprop of PyTorch 1.13 (single-tensor path), operation for operation:
//   d = g + wd*p;  v = alpha*v + (1 - alpha)*d*d;
//   centered: a = alpha*a + (1 - alpha)*d, avg = sqrt(v - a*a) + eps;  else avg = sqrt(v) + eps;
//   momentum: buf = momentum*buf + d/avg, p = p - lr*buf;  else p = p - lr*d/avg.
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>RMSprop hyperparameters (PyTorch 1.13 defaults).</summary>
public sealed record RmsPropSettings : OptimizerSettings
{
    /// <summary>Smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>Added to the root of the average, for stability.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Momentum factor; 0 disables the momentum buffer.</summary>
    public double Momentum { get; init; }

    /// <summary>Normalize by the estimated variance (the average minus the squared mean gradient).</summary>
    public bool Centered { get; init; }

    internal override void Validate(string groupName)
    {
        Require(Alpha >= 0 && Alpha <= 1, groupName, nameof(Alpha), Alpha, "alpha must be in [0, 1]");
        Require(Epsilon >= 0 && double.IsFinite(Epsilon), groupName, nameof(Epsilon), Epsilon, "must be finite and >= 0");
        Require(Momentum >= 0 && double.IsFinite(Momentum), groupName, nameof(Momentum), Momentum, "must be finite and >= 0");
    }
}

/// <summary>RMSprop; state buffers <c>square_avg</c>, and <c>grad_avg</c> (centered) and <c>momentum_buffer</c> when used.</summary>
public sealed class RmsProp : Optimizer<RmsPropSettings>
{
    private readonly int gradientAverage;
    private readonly int momentumBuffer;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; PyTorch's defaults when null.</param>
    public RmsProp(int parameterCount, IEnumerable<ParameterGroup> groups, RmsPropSettings? settings = null)
        : base(parameterCount, groups, settings ?? new RmsPropSettings())
    {
        List<string> names = ["square_avg"];
        gradientAverage = Groups.Any(group => SettingsOf(group).Centered) ? Add(names, "grad_avg") : -1;
        momentumBuffer = Groups.Any(group => SettingsOf(group).Momentum > 0) ? Add(names, "momentum_buffer") : -1;
        DeclareBuffers([.. names]);
    }

    /// <inheritdoc/>
    public override string Name => "RMSprop";

    private static int Add(List<string> names, string name)
    {
        names.Add(name);
        return names.Count - 1;
    }

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var settings = SettingsOf(group);
        ElementwiseUpdate.Run(new Rule(group.WeightDecay, settings, group.LearningRate), group, parameters, gradients,
            Buffer(0),
            settings.Centered ? Buffer(gradientAverage) : default,
            settings.Momentum > 0 ? Buffer(momentumBuffer) : default);
    }

    private readonly struct Rule : IElementwiseRule
    {
        private readonly bool decay;
        private readonly Vector256<float> weightDecay;
        private readonly Vector256<float> alpha;
        private readonly Vector256<float> oneMinusAlpha;
        private readonly Vector256<float> epsilon;
        private readonly bool centered;
        private readonly bool momentum;
        private readonly Vector256<float> momentumFactor;
        private readonly Vector256<float> negativeRate;

        public Rule(double decayCoefficient, RmsPropSettings settings, double learningRate)
        {
            decay = decayCoefficient != 0;
            weightDecay = Vector256.Create((float)decayCoefficient);
            alpha = Vector256.Create((float)settings.Alpha);
            oneMinusAlpha = Vector256.Create((float)(1 - settings.Alpha));
            epsilon = Vector256.Create((float)settings.Epsilon);
            centered = settings.Centered;
            momentum = settings.Momentum > 0;
            momentumFactor = Vector256.Create((float)settings.Momentum);
            negativeRate = Vector256.Create((float)-learningRate);
        }

        // first: square_avg, second: grad_avg, third: momentum_buffer.
        public void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
            ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third)
        {
            var direction = decay ? Vector256.FusedMultiplyAdd(parameters, weightDecay, gradients) : gradients;
            first = Vector256.FusedMultiplyAdd(oneMinusAlpha * direction, direction, first * alpha);
            Vector256<float> average;
            if (centered)
            {
                second = Vector256.FusedMultiplyAdd(direction, oneMinusAlpha, second * alpha);
                average = Vector256.Sqrt(Vector256.FusedMultiplyAdd(-second, second, first));
            }
            else
            {
                average = Vector256.Sqrt(first);
            }
            average += epsilon;
            if (momentum)
            {
                third = third * momentumFactor + direction / average;
                parameters = Vector256.FusedMultiplyAdd(third, negativeRate, parameters);
            }
            else
            {
                parameters += negativeRate * direction / average;
            }
        }
    }
}
