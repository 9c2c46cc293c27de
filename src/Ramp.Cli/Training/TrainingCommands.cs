// The training commands of `ramp`, top level because they are the toolkit's main use: train, eval, translate, demo.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Training;

/// <summary>The training commands, in help order.</summary>
public static class TrainingCommands
{
    /// <summary>train, eval, translate and demo.</summary>
    public static IReadOnlyList<CommandNode> All { get; } = [new TrainCommand(), new EvaluateCommand(), new TranslateCommand(), new DemoCommand()];
}
