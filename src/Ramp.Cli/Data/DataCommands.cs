// The `ramp data` group: build the training data of the translation case study.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Data;

/// <summary>The <c>data</c> command group.</summary>
public static class DataCommands
{
    /// <summary>The group and its commands.</summary>
    public static CommandGroup Group { get; } = new(
        "data",
        "build parallel corpora for translation training",
        [new GettextCommand(), new BuiltinCommand()]);
}
