// The wrapping of one sublayer (attention or feed-forward) in a residual connection, dropout and a layer
// norm, in either placement:
//   Post-LN   branch input = x          y = LN(x + dropout(branch))
//   Pre-LN    branch input = LN(x)      y = x + dropout(branch)
// Begin/End run around the branch's forward; EndBackward/BeginBackward around its backward. Gradients of the
// residual stream are accumulated in place: the branch adds its input gradient straight into the buffer that
// becomes dx, so the skip path costs no copy.
using Ramp.Training.Layers;
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

    // The branch's input: x itself (Post-LN) or LN(x) (Pre-LN).
    // x: Residual stream (N, C), kept until backward.
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

    // Applies dropout to the branch output (in place), adds the skip path and, for Post-LN, normalizes.
    // x: The residual stream given to Begin (N, C).
    // branch: Branch output (N, C); overwritten with x + dropout(branch).
    // Returns the new residual stream (N, C).
    public FloatSlice End(StepContext context, FloatSlice x, FloatSlice branch)
    {
        _mask = context.DropoutMask(dropout, branch.Length);
        if (_mask.Length > 0)
        {
            Dropout.Forward(branch.Span, _mask.Span, branch.Span);
        }

        Residual.Forward(x.Span, branch.Span, branch.Span);
        if (placement == NormPlacement.PreNorm)
        {
            return branch;
        }

        _normInput = branch;
        Normalize(context, branch);
        return _normOutput;
    }

    //  Starts the backward pass from the gradient of the output. Returns the gradient of the branch output and, in <paramref name="branchInputGradient"/>, the zero-or-partial buffer the branch must ADD its input gradient to. 
    // outputGradient: Gradient of the sublayer output (N, C); Pre-LN reuses it as dx.
    public FloatSlice EndBackward(StepContext context, FloatSlice outputGradient, out FloatSlice branchInputGradient)
    {
        var c = channels;
        FloatSlice skipGradient;
        if (placement == NormPlacement.PostNorm)
        {
            // dr = LN'(dy); both the skip path and the branch see dr, and the branch input is x itself.
            skipGradient = context.AllocateZeroed(_rows * c);
            LayerNorm.Backward(
                outputGradient.Span, _normInput.Span, context.Parameter(norm.Weight).Span, _mean.Span, _reciprocalStandardDeviation.Span,
                _rows, c, skipGradient.Span, context.Gradient(norm.Weight).Span, context.Gradient(norm.Bias).Span);
            branchInputGradient = skipGradient;
        }
        else
        {
            skipGradient = outputGradient;
            branchInputGradient = context.AllocateZeroed(_rows * c);
        }

        // The branch reads its output gradient while adding into branchInputGradient; they must not alias
        // (Post-LN), while in Pre-LN the skip gradient is written only after the branch is done.
        if (_mask.Length > 0)
        {
            var masked = context.Allocate(_rows * c);
            Dropout.Forward(skipGradient.Span, _mask.Span, masked.Span);
            return masked;
        }

        if (placement == NormPlacement.PostNorm)
        {
            var copy = context.Allocate(_rows * c);
            skipGradient.Span.CopyTo(copy.Span);
            return copy;
        }

        return skipGradient;
    }

    // Finishes the backward pass once the branch has added its input gradient; returns dx (N, C).
    // outputGradient: The gradient given to EndBackward.
    // branchInputGradient: The buffer EndBackward returned, now holding the branch input's gradient.
    public FloatSlice BeginBackward(StepContext context, FloatSlice outputGradient, FloatSlice branchInputGradient)
    {
        if (placement == NormPlacement.PostNorm)
        {
            return branchInputGradient;
        }

        LayerNorm.Backward(
            branchInputGradient.Span, _normInput.Span, context.Parameter(norm.Weight).Span, _mean.Span, _reciprocalStandardDeviation.Span,
            _rows, channels, outputGradient.Span, context.Gradient(norm.Weight).Span, context.Gradient(norm.Bias).Span);
        return outputGradient;
    }

    private void Normalize(StepContext context, FloatSlice input)
    {
        _normOutput = context.Allocate(_rows * channels);
        _mean = context.Allocate(_rows);
        _reciprocalStandardDeviation = context.Allocate(_rows);
        LayerNorm.Forward(
            input.Span, context.Parameter(norm.Weight).Span, context.Parameter(norm.Bias).Span, _rows, channels,
            _normOutput.Span, _mean.Span, _reciprocalStandardDeviation.Span);
    }
}
