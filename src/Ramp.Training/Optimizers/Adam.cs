// Adam and its settings, following torch.optim.Adam of PyTorch 1.13 (single-tensor path) operation for
// operation, in float32 with the scalars computed in double as Python does:
//   d = g + wd*p (L2);  m = beta1*m + (1 - beta1)*d;  v = beta2*v + (1 - beta2)*d*d;
//   amsgrad: vmax = max(vmax, v), used in place of v;
//   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)   (eps added after the bias correction).

namespace Ramp.Training.Optimizers;

/// <summary>Adam and AdamW hyperparameters (PyTorch 1.13 defaults).</summary>
public sealed record AdamSettings : OptimizerSettings
{
    /// <summary>Decay of the first-moment (mean) estimate.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay of the second-moment (uncentered variance) estimate.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Added to the bias-corrected root of the second moment, for stability.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>AMSGrad: normalize by the running maximum of the second moment.</summary>
    public bool Amsgrad { get; init; }

    internal override void Validate(string groupName)
    {
        Require(Beta1 >= 0 && Beta1 < 1, groupName, nameof(Beta1), Beta1, "must be in [0, 1)");
        Require(Beta2 >= 0 && Beta2 < 1, groupName, nameof(Beta2), Beta2, "must be in [0, 1)");
        Require(Epsilon >= 0 && double.IsFinite(Epsilon), groupName, nameof(Epsilon), Epsilon, "must be finite and >= 0");
    }
}

/// <summary>Adam with L2 weight decay added to the gradient; state buffers <c>exp_avg</c>, <c>exp_avg_sq</c> and, with AMSGrad, <c>max_exp_avg_sq</c>.</summary>
public sealed class Adam : Optimizer<AdamSettings>
{
    private readonly int maximum;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; PyTorch's defaults when null.</param>
    public Adam(int parameterCount, IEnumerable<ParameterGroup> groups, AdamSettings? settings = null)
        : base(parameterCount, groups, settings ?? new AdamSettings())
        => DeclareBuffers(AdamRule.BufferNames(Groups.Select(SettingsOf), out maximum));

    /// <inheritdoc/>
    public override string Name => "Adam";

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var settings = SettingsOf(group);
        ElementwiseUpdate.Run(new AdamRule(group, settings, decoupled: false), group, parameters, gradients,
            Buffer(0), Buffer(1), settings.Amsgrad ? Buffer(maximum) : default);
    }
}
