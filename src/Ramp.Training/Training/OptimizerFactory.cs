// Builds the optimizer and the learning-rate scheduler a config asks for. Groups come from WeightDecayGrouping
// (decay: matrices and token embeddings, with optimizer.weight_decay; no_decay: biases, norms, positions), each with
// optimizer.lr as its base rate. Each group's schedule is group_schedules[group] when given, else the shared
// `schedule`; groups that share it share one instance, so feedback state (e.g. a plateau's) is shared too.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Training;

/// <summary>The optimizer and scheduler of a <see cref="TrainingConfig"/>.</summary>
public static class OptimizerFactory
{
    /// <summary>The optimizer named by <paramref name="config"/> over the groups of <paramref name="layout"/>.</summary>
    public static Optimizer Create(OptimizerConfig config, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layout);
        var groups = WeightDecayGrouping.Split(layout, config.Lr, config.WeightDecay);
        var count = layout.Length;
        var adam = new AdamSettings { Beta1 = config.Betas[0], Beta2 = config.Betas[1], Epsilon = config.Eps };
        return config.Name switch
        {
            "sgd" => new Sgd(count, groups, new SgdSettings { Momentum = config.Momentum }),
            "adagrad" => new AdaGrad(count, groups, new AdaGradSettings { Epsilon = config.Eps }),
            "rmsprop" => new RmsProp(count, groups, new RmsPropSettings { Epsilon = config.Eps, Momentum = config.Momentum }),
            "adam" => new Adam(count, groups, adam),
            "adamw" => new AdamW(count, groups, adam),
            "radam" => new RAdam(count, groups, new RAdamSettings { Beta1 = config.Betas[0], Beta2 = config.Betas[1], Epsilon = config.Eps }),
            _ => throw new ArgumentException($"config: optimizer.name='{config.Name}' is not allowed; allowed: sgd, adagrad, rmsprop, adam, adamw, radam"),
        };
    }

    /// <summary>A scheduler with one entry per optimizer group, in the optimizer's group order.</summary>
    public static Scheduler CreateScheduler(TrainingConfig config, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(optimizer);
        var shared = Schedule.Parse(config.Schedule);
        return new Scheduler(optimizer.Groups.Select(group => new GroupSchedule(
            group.BaseLearningRate,
            config.GroupSchedules.TryGetValue(group.Name, out var spec) ? Schedule.Parse(spec) : shared)));
    }
}
