// RAdam (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond") following torch.optim.RAdam
// of PyTorch 1.13 (single-tensor path) operation for operation. With rho_inf = 2/(1 - beta2) - 1 and
// rho_t = rho_inf - 2t*beta2^t/(1 - beta2^t), the step is rectified (adaptive) when rho_t > 5, PyTorch's
// threshold; otherwise it is un-adapted momentum SGD on the bias-corrected mean. The paper's Algorithm 2
// uses rho_t > 4, which makes t = 5 adaptive for beta2 = 0.999 (rho_5 = 4.996); PyTorch and the authors'
// code do not, and neither does Ramp.
//   d = g + wd*p;  m = beta1*m + (1 - beta1)*d;  v = beta2*v + (1 - beta2)*d*d;  mhat = m / (1 - beta1^t);
//   rectified: p = p - mhat*lr*(sqrt(1 - beta2^t) / (sqrt(v) + eps))*r_t;  else p = p - mhat*lr.
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>RAdam hyperparameters (PyTorch 1.13 defaults).</summary>
public sealed record RAdamSettings : OptimizerSettings
{
    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay of the second-moment estimate; at or below 0.6, rho_inf &lt;= 4 and every step is momentum SGD.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Added to the root of the second moment (not bias-corrected), for stability.</summary>
    public double Epsilon { get; init; } = 1e-8;

    internal override void Validate(string groupName)
    {
        Require(Beta1 >= 0 && Beta1 < 1, groupName, nameof(Beta1), Beta1, "must be in [0, 1)");
        Require(Beta2 >= 0 && Beta2 < 1, groupName, nameof(Beta2), Beta2, "must be in [0, 1)");
        Require(Epsilon >= 0 && double.IsFinite(Epsilon), groupName, nameof(Epsilon), Epsilon, "must be finite and >= 0");
    }
}

/// <summary>Rectified Adam with L2 weight decay; state buffers <c>exp_avg</c> and <c>exp_avg_sq</c>.</summary>
public sealed class RAdam : Optimizer<RAdamSettings>
{
    /// <summary>The step is adaptive when the approximated SMA length exceeds this (PyTorch's threshold).</summary>
    public const double RectificationThreshold = 5;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; PyTorch's defaults when null.</param>
    public RAdam(int parameterCount, IEnumerable<ParameterGroup> groups, RAdamSettings? settings = null)
        : base(parameterCount, groups, settings ?? new RAdamSettings())
        => DeclareBuffers("exp_avg", "exp_avg_sq");

    /// <inheritdoc/>
    public override string Name => "RAdam";

    /// <summary>rho_t, the length of the approximated simple moving average after <paramref name="step"/> updates.</summary>
    /// <param name="beta2">Second-moment decay, in [0, 1).</param>
    /// <param name="step">Update number, from 1.</param>
    public static double ApproximateSmaLength(double beta2, long step)
    {
        var power = Math.Pow(beta2, step);
        return 2 / (1 - beta2) - 1 - 2 * step * power / (1 - power);
    }

    /// <summary>The rectification term r_t of step <paramref name="step"/>; meaningful when rho_t &gt; 4.</summary>
    /// <param name="beta2">Second-moment decay, in [0, 1).</param>
    /// <param name="step">Update number, from 1.</param>
    public static double RectificationTerm(double beta2, long step)
    {
        var infinity = 2 / (1 - beta2) - 1;
        var rho = ApproximateSmaLength(beta2, step);
        return Math.Sqrt((rho - 4) * (rho - 2) * infinity / ((infinity - 4) * (infinity - 2) * rho));
    }

    /// <summary>Whether step <paramref name="step"/> is adaptive (rectified): rho_t &gt; <see cref="RectificationThreshold"/>.</summary>
    /// <param name="beta2">Second-moment decay, in [0, 1).</param>
    /// <param name="step">Update number, from 1.</param>
    public static bool IsAdaptive(double beta2, long step) => ApproximateSmaLength(beta2, step) > RectificationThreshold;

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var rule = new Rule(group, SettingsOf(group));
        ElementwiseUpdate.Run(rule, group, parameters, gradients, Buffer(0), Buffer(1), default);
    }

    private readonly struct Rule : IElementwiseRule
    {
        private readonly bool decay;
        private readonly Vector256<float> weightDecay;
        private readonly Vector256<float> beta1;
        private readonly Vector256<float> oneMinusBeta1;
        private readonly Vector256<float> beta2;
        private readonly Vector256<float> oneMinusBeta2;
        private readonly Vector256<float> correction1;
        private readonly Vector256<float> rate;
        private readonly bool rectified;
        private readonly Vector256<float> correction2Root;
        private readonly Vector256<float> epsilon;
        private readonly Vector256<float> rectification;

        public Rule(ParameterGroup group, RAdamSettings settings)
        {
            var step = group.StepCount;
            decay = group.WeightDecay != 0;
            weightDecay = Vector256.Create((float)group.WeightDecay);
            beta1 = Vector256.Create((float)settings.Beta1);
            oneMinusBeta1 = Vector256.Create((float)(1 - settings.Beta1));
            beta2 = Vector256.Create((float)settings.Beta2);
            oneMinusBeta2 = Vector256.Create((float)(1 - settings.Beta2));
            correction1 = Vector256.Create((float)(1 - Math.Pow(settings.Beta1, step)));
            rate = Vector256.Create((float)group.LearningRate);
            rectified = IsAdaptive(settings.Beta2, step);
            correction2Root = Vector256.Create((float)Math.Sqrt(1 - Math.Pow(settings.Beta2, step)));
            epsilon = Vector256.Create((float)settings.Epsilon);
            rectification = Vector256.Create(rectified ? (float)RectificationTerm(settings.Beta2, step) : 0f);
        }

        // first: exp_avg, second: exp_avg_sq.
        public void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
            ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third)
        {
            var direction = decay ? Vector256.FusedMultiplyAdd(parameters, weightDecay, gradients) : gradients;
            first = Vector256.FusedMultiplyAdd(direction, oneMinusBeta1, first * beta1);
            second = Vector256.FusedMultiplyAdd(oneMinusBeta2 * direction, direction, second * beta2);
            var update = first / correction1 * rate;
            if (rectified)
            {
                var adaptive = Vector256<float>.One / (Vector256.Sqrt(second) + epsilon) * correction2Root;
                update = update * adaptive * rectification;
            }
            parameters -= update;
        }
    }
}
