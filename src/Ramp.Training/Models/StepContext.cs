// What every part of one forward (and backward) pass shares: the parameter and gradient blocks, the
// activation arena the pass allocates from, whether dropout is on and the generator it draws from.
// Dropout masks are drawn in forward order from that one generator, so a seed fixes every mask of a step.
// The parallel operations (ParallelOps, ParallelAttention) share the model's worker threads.
using Ramp.Training.Memory;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Models;

/// <summary>Parameters, gradients, arena, parallel operations and dropout state of the pass being run.</summary>
internal sealed class StepContext(NativeFloatBlock parameters, NativeFloatBlock gradients, ActivationArena arena, WorkerPool workers)
{
    private RandomGenerator? _dropout;

    /// <summary>Whether dropout is applied (training) or not (evaluation, decoding).</summary>
    public bool Training { get; private set; }

    public ParallelOps Ops { get; } = new(workers);

    public ParallelAttention Attention { get; } = new(workers);

    /// <summary>Starts a pass: takes back the previous pass's activations.</summary>
    public void Begin(bool training, RandomGenerator? dropout)
    {
        Training = training;
        _dropout = dropout;
        arena.Reset();
    }

    public FloatSlice Parameter(ParameterRange range) => parameters.Slice(range.Offset, range.Length);

    public FloatSlice Gradient(ParameterRange range) => gradients.Slice(range.Offset, range.Length);

    public FloatSlice Allocate(int length) => arena.Allocate(length);

    public FloatSlice AllocateZeroed(int length) => arena.AllocateZeroed(length);

    /// <summary>A fresh dropout mask of <paramref name="length"/> elements, or an empty slice when nothing is dropped.</summary>
    public FloatSlice DropoutMask(float probability, int length)
    {
        if (!Training || probability == 0f)
        {
            return default;
        }

        var mask = arena.Allocate(length);
        Layers.Dropout.FillMask(probability, _dropout!, mask.Span);
        return mask;
    }
}
