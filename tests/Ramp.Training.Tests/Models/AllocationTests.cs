// The allocation budget of the training step: none once the arena has grown to the largest batch shape.
// Measured alone (a collection that runs after the parallel tests), after enough passes for tiered
// compilation to settle, so that neither another test nor the JIT is counted.
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Models;

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsRunAlone;

[Collection(nameof(AllocationTests))]
public sealed class AllocationTests
{
    [Theory]
    [InlineData("encoder_decoder", "post")]
    [InlineData("encoder_decoder", "pre")]
    [InlineData("decoder_only", "pre")]
    public void A_steady_state_training_step_allocates_no_managed_memory(string architecture, string norm)
    {
        using var model = TinyModels.Create(TinyModels.Config(architecture, norm));
        var large = TinyModels.Batch(seed: 1, pairs: 5);
        var small = TinyModels.Batch(seed: 2, pairs: 2);
        var dropout = new RandomGenerator(3);
        for (var i = 0; i < 50; i++)
        {
            model.ForwardBackward(large, 0.1f, dropout);
            model.ForwardBackward(small, 0.1f, dropout);
            model.Evaluate(large);
            model.Evaluate(small);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        model.ZeroGradients();
        model.ForwardBackward(large, 0.1f, dropout);
        model.ForwardBackward(small, 0.1f, dropout);
        model.Evaluate(small);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
