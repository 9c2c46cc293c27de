// The wrapping of one sublayer (attention or feed-forward) in a residual connection, dropout and a layer
// norm, in either placement:
//   Post-LN   branch input = x          y = LN(x + dropout(branch))
//   Pre-LN    branch input = LN(x)      y = x + dropout(branch)
// Begin/End run around the branch's forward; EndBackward/BeginBackward around its backward. Gradients of the
// residual stream are accumulated in place: the branch adds its input gradient straight into the buffer that
// becomes dx, so the skip path costs no copy. Branches read their output gradient completely before they
// write their input gradient, so without dropout the two may be the same buffer.
using Ramp.Training.Memory;

namespace Ramp.Training.Models;

/// <summary>Residual connection, dropout and layer norm around one sublayer, with the activations backward needs.</summary>
internal sealed class ResidualSublayer(NormPlacement placement, NormParameters norm, int channels, float dropout)
{
    private FloatSlice _normInput;   // (N, C) Post: x + dropout(branch); Pre: x
    private FloatSlice _normOutput;  // (N, C)
    private FloatSlice _mean;        // (N)
    private FloatSlice _reciprocalStandardDeviation; // (N)
    private FloatSlice _mask;        // (N, C) dropout mask of the branch output, or empty
    private int _rows;

    // The branch's input: x itself (Post-LN) or LN(x) (Pre-LN). x (N, C) is kept until backward.
    public FloatSlice Begin(StepContext context, FloatSlice x, int rows)
    {
        _rows = rows;
        if (placement == NormPlacement.PostNorm)
        {
            return x;
        }

        _normInput = x;
        Normalize(context, x);
        return _normOutput;
    }

    // Applies dropout to the branch output (N, C), adds the skip path x (in place, into branch) and, for
    // Post-LN, normalizes. Returns the new residual stream (N, C).
    public FloatSlice End(StepContext context, FloatSlice x, FloatSlice branch)
    {
        _mask = context.DropoutMask(dropout, branch.Length);
        context.Ops.AddMasked(x, branch, _mask, branch);
        if (placement == NormPlacement.PreNorm)
        {
            return branch;
        }

        _normInput = branch;
        Normalize(context, branch);
        return _normOutput;
    }

    // Starts the backward pass from the gradient of the output (N, C; Pre-LN reuses it as dx). Returns the
    // gradient of the branch output and, in branchInputGradient, the buffer the branch must write its input
    // gradient to: fresh (to overwrite) in Pre-LN, holding the skip gradient (to add to) in Post-LN.
    public FloatSlice EndBackward(StepContext context, FloatSlice outputGradient, out FloatSlice branchInputGradient, out bool branchInputIsFresh)
    {
        var length = _rows * channels;
        FloatSlice skipGradient;
        if (placement == NormPlacement.PostNorm)
        {
            // dr = LN'(dy); both the skip path and the branch see dr, and the branch input is x itself.
            skipGradient = context.Allocate(length);
            context.Ops.NormBackward(
                context, outputGradient, _normInput, context.Parameter(norm.Weight), _mean, _reciprocalStandardDeviation,
                _rows, channels, skipGradient, overwrite: true, context.Gradient(norm.Weight), context.Gradient(norm.Bias));
            branchInputGradient = skipGradient;
            branchInputIsFresh = false;
        }
        else
        {
            skipGradient = outputGradient;
            branchInputGradient = context.Allocate(length);
            branchInputIsFresh = true;
        }

        if (_mask.Length == 0)
        {
            return skipGradient;
        }

        var masked = context.Allocate(length);
        context.Ops.Multiply(skipGradient, _mask, masked);
        return masked;
    }

    // Finishes the backward pass once the branch has written its input gradient; returns dx (N, C).
    public FloatSlice BeginBackward(StepContext context, FloatSlice outputGradient, FloatSlice branchInputGradient)
    {
        if (placement == NormPlacement.PostNorm)
        {
            return branchInputGradient;
        }

        context.Ops.NormBackward(
            context, branchInputGradient, _normInput, context.Parameter(norm.Weight), _mean, _reciprocalStandardDeviation,
            _rows, channels, outputGradient, overwrite: false, context.Gradient(norm.Weight), context.Gradient(norm.Bias));
        return outputGradient;
    }

    private void Normalize(StepContext context, FloatSlice input)
    {
        _normOutput = context.Allocate(_rows * channels);
        _mean = context.Allocate(_rows);
        _reciprocalStandardDeviation = context.Allocate(_rows);
        context.Ops.NormForward(
            input, context.Parameter(norm.Weight), context.Parameter(norm.Bias), _rows, channels,
            _normOutput, _mean, _reciprocalStandardDeviation);
    }
}
