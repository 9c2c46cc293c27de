// Every optimizer with settings that switch on all of its buffers, built over the same two-group layout,
// for tests that must hold for each of them.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

internal static class OptimizerCases
{
    public const int ParameterCount = 61;

    public static TheoryData<string> Names => ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "RAdam"];

    // Group "decay" holds [0, 29) and [33, 61); "no_decay" holds [29, 33).
    public static ParameterGroup[] Groups() =>
    [
        new ParameterGroup("decay", [new ParameterRange(0, 29), new ParameterRange(33, 28)], learningRate: 0.01, weightDecay: 0.1),
        new ParameterGroup("no_decay", [new ParameterRange(29, 4)], learningRate: 0.02),
    ];

    public static Optimizer Create(string name, IEnumerable<ParameterGroup> groups, int parameterCount = ParameterCount) => name switch
    {
        "SGD" => new Sgd(parameterCount, groups, new SgdSettings { Momentum = 0.9, Nesterov = true }),
        "Adagrad" => new AdaGrad(parameterCount, groups, new AdaGradSettings { LearningRateDecay = 0.01, InitialAccumulatorValue = 0.1 }),
        "RMSprop" => new RmsProp(parameterCount, groups, new RmsPropSettings { Centered = true, Momentum = 0.9 }),
        "Adam" => new Adam(parameterCount, groups, new AdamSettings { Amsgrad = true }),
        "AdamW" => new AdamW(parameterCount, groups, new AdamSettings { Amsgrad = true }),
        "RAdam" => new RAdam(parameterCount, groups),
        _ => throw new ArgumentException($"Unknown optimizer '{name}'.", nameof(name)),
    };

    public static float[] RandomVector(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}
