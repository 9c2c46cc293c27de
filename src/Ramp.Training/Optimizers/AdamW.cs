// AdamW following torch.optim.AdamW of PyTorch 1.13 (single-tensor path): decoupled weight decay, applied
// first and with the current learning rate, p = p * (1 - lr*wd); then the Adam update without L2 on the
// gradient. Settings and buffers are Adam's.
namespace Ramp.Training.Optimizers;

/// <summary>Adam with decoupled weight decay (Loshchilov and Hutter); state buffers as <see cref="Adam"/>.</summary>
public sealed class AdamW : Optimizer<AdamSettings>
{
    private readonly int maximum;

    /// <summary>Creates the optimizer. Weight decay comes from each group (PyTorch's AdamW default is 0.01).</summary>
    /// <param name="parameterCount">Length of the flat parameter block.</param>
    /// <param name="groups">Parameter groups; groups without settings take <paramref name="settings"/>.</param>
    /// <param name="settings">Default settings; PyTorch's defaults when null.</param>
    public AdamW(int parameterCount, IEnumerable<ParameterGroup> groups, AdamSettings? settings = null)
        : base(parameterCount, groups, settings ?? new AdamSettings())
        => DeclareBuffers(AdamRule.BufferNames(Groups.Select(SettingsOf), out maximum));

    /// <inheritdoc/>
    public override string Name => "AdamW";

    private protected override void Update(ParameterGroup group, Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        var settings = SettingsOf(group);
        ElementwiseUpdate.Run(new AdamRule(group, settings, decoupled: true), group, parameters, gradients,
            Buffer(0), Buffer(1), settings.Amsgrad ? Buffer(maximum) : default);
    }
}
