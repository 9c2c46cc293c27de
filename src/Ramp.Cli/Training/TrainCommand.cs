// `ramp train`: a new run from a config file (YAML or JSON) and --section.field overrides, or --resume of a run
// from its latest checkpoint. The run directory gets config.json, the corpus and tokenizers, metrics.jsonl,
// TensorBoard events and checkpoints; evaluations print as they happen.
using System.Globalization;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Trains a Transformer.</summary>
public sealed class TrainCommand : Command
{
    private static readonly OptionSpec RunOption = new("--run", "DIR", "the run directory to create (default runs/<date>-<time>)");
    private static readonly OptionSpec Resume = new("--resume", "DIR", "continue the run in DIR from its latest checkpoint");

    /// <inheritdoc/>
    public override string Name => "train";

    /// <inheritdoc/>
    public override string Summary => "train a Transformer from a config, or resume a run";

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [new("CONFIG", "a .yaml, .yml or .json config; the defaults when absent", Required: false)];

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [RunOption, Resume, .. ConfigOptions.All];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "Config fields are set by the file, then by --section.field VALUE options (names as in config.json; lists as 0.9,0.98).",
        "Ctrl+C stops after the current update and writes a checkpoint; --resume continues bit for bit.",
        "Examples:\n  ramp train run.yaml --run runs/base\n  ramp train --model.d_model 128 --training.steps 3000 --schedule 'noam(d_model=128, warmup_steps=400)'\n  ramp train --resume runs/base",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var overrides = ConfigOptions.Overrides(arguments);
        if (arguments.Text(Resume.Name) is { } resume)
        {
            if (arguments.Positionals.Count > 0 || overrides.Count > 0 || arguments.Has(RunOption.Name))
            {
                throw new UsageException("--resume takes no CONFIG, --run or config options: a resumed run keeps its config.json");
            }

            if (!new RunDirectory(resume).Exists)
            {
                throw new UsageException($"--resume '{resume}' is not a run directory (no config.json)");
            }

            return TrainingSession.Run(context, callbacks => Trainer.Resume(resume, callbacks));
        }

        TrainingConfig config;
        try
        {
            config = ConfigLoader.Load(arguments.Positionals.Count > 0 ? arguments.Positionals[0] : null, overrides);
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw UsageException.From(error);
        }

        var run = arguments.Text(RunOption.Name) ?? DefaultRunPath();
        return TrainingSession.Run(context, callbacks => Trainer.Start(config, run, callbacks));
    }

    /// <summary>runs/yyyyMMdd-HHmmss under the current directory.</summary>
    internal static string DefaultRunPath()
        => Path.Combine("runs", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
}
