// The element-wise update shared by Adam and AdamW (PyTorch 1.13's single-tensor paths), which differ only
// in how weight decay enters: Adam adds wd*p to the gradient; AdamW first scales p by (1 - lr*wd).
// Scalars (bias corrections, step size) are computed in double and rounded once to float32, as PyTorch
// passes Python floats to its float32 kernels; fused multiply-adds stand exactly where PyTorch's AVX2
// kernels fuse (add with alpha, addcmul), so results match PyTorch bit for bit.
using System.Runtime.Intrinsics;

namespace Ramp.Training.Optimizers;

/// <summary>The update shared by Adam and AdamW; they differ only in how weight decay enters.</summary>
internal readonly struct AdamRule : IElementwiseRule
{
    private readonly bool coupledDecay;
    private readonly bool decoupledDecay;
    private readonly Vector256<float> weightDecay;
    private readonly Vector256<float> decayFactor;
    private readonly Vector256<float> beta1;
    private readonly Vector256<float> oneMinusBeta1;
    private readonly Vector256<float> beta2;
    private readonly Vector256<float> oneMinusBeta2;
    private readonly bool amsgrad;
    private readonly Vector256<float> correction2Root;
    private readonly Vector256<float> epsilon;
    private readonly Vector256<float> negativeStepSize;

    /// <summary>This step's coefficients for <paramref name="group"/>, whose step count already counts the step.</summary>
    /// <param name="group">The group being updated.</param>
    /// <param name="settings">Its settings.</param>
    /// <param name="decoupled">AdamW: scale the parameters by (1 - lr*wd) instead of adding wd*p to the gradient.</param>
    public AdamRule(ParameterGroup group, AdamSettings settings, bool decoupled)
    {
        var step = (double)group.StepCount;
        var rate = group.LearningRate;
        var correction1 = 1 - Math.Pow(settings.Beta1, step);
        var correction2 = 1 - Math.Pow(settings.Beta2, step);
        coupledDecay = !decoupled && group.WeightDecay != 0;
        decoupledDecay = decoupled && group.WeightDecay != 0;
        weightDecay = Vector256.Create((float)group.WeightDecay);
        decayFactor = Vector256.Create((float)(1 - rate * group.WeightDecay));
        beta1 = Vector256.Create((float)settings.Beta1);
        oneMinusBeta1 = Vector256.Create((float)(1 - settings.Beta1));
        beta2 = Vector256.Create((float)settings.Beta2);
        oneMinusBeta2 = Vector256.Create((float)(1 - settings.Beta2));
        amsgrad = settings.Amsgrad;
        correction2Root = Vector256.Create((float)Math.Sqrt(correction2));
        epsilon = Vector256.Create((float)settings.Epsilon);
        negativeStepSize = Vector256.Create((float)-(rate / correction1));
    }

    /// <summary>exp_avg, exp_avg_sq and, when any group's settings use AMSGrad, max_exp_avg_sq (index in <paramref name="maximum"/>, else -1).</summary>
    public static string[] BufferNames(IEnumerable<AdamSettings> settings, out int maximum)
    {
        var amsgrad = settings.Any(group => group.Amsgrad);
        maximum = amsgrad ? 2 : -1;
        return amsgrad ? ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"] : ["exp_avg", "exp_avg_sq"];
    }

    // first: exp_avg, second: exp_avg_sq, third: max_exp_avg_sq.
    public void Apply(ref Vector256<float> parameters, Vector256<float> gradients,
        ref Vector256<float> first, ref Vector256<float> second, ref Vector256<float> third)
    {
        if (decoupledDecay)
        {
            parameters *= decayFactor;
        }
        var direction = coupledDecay ? Vector256.FusedMultiplyAdd(parameters, weightDecay, gradients) : gradients;
        first = Vector256.FusedMultiplyAdd(direction, oneMinusBeta1, first * beta1);
        second = Vector256.FusedMultiplyAdd(oneMinusBeta2 * direction, direction, second * beta2);
        var variance = second;
        if (amsgrad)
        {
            // torch.maximum's AVX2 form: the native max, OR-ed with all ones (a NaN) where either input is NaN.
            var unordered = ~(Vector256.Equals(third, third) & Vector256.Equals(second, second));
            third = Vector256.MaxNative(third, second) | unordered;
            variance = third;
        }
        var denominator = Vector256.Sqrt(variance) / correction2Root + epsilon;
        parameters += negativeStepSize * first / denominator;
    }
}
