// `ramp demo`: the README's main command. On built-in defaults it builds an English-to-Chinese corpus from the
// machine's zh_CN gettext catalogs (or, when there are none, takes the corpus of software messages shipped with Ramp),
// trains a small Post-LN Transformer with the Transformer warmup rule (noam) and dropout 0.1 for four minutes, prints
// sample translations, validation BLEU and the best checkpoint's BLEU on the test split, and leaves a complete run
// directory with its report.
// Why this config: d_model 128 with 3+3 layers does about 2,300 updates of 1024-token batches in four minutes on a
// quiet 2-core machine (about 1,500 on a busy one); the noam peak at step 200 comes within the first tenth of the run,
// and the inverse-square-root decay still leaves a useful rate at the end. The original 4000 warmup steps (for 100k
// updates) would spend the whole demo warming up.
using System.Globalization;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Decoding;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Trains the demo model end to end.</summary>
public sealed class DemoCommand : Command
{
    private static readonly OptionSpec RunOption = new("--run", "DIR", "the run directory to create (default runs/demo-<date>-<time>)");
    private static readonly OptionSpec Minutes = new("--minutes", "M", "stop training after M minutes (default 4); 0 runs all training.steps");

    /// <summary>The demo's settings, before any --section.field override.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings { get; } =
    [
        new("data.language", "zh_CN"),
        new("data.source_vocabulary", "2000"),
        new("data.target_tokenizer", "char"),
        new("data.target_vocabulary", "2500"),
        new("data.max_length", "48"),
        new("model.norm", "post"),
        new("model.encoder_layers", "3"),
        new("model.decoder_layers", "3"),
        new("model.d_model", "128"),
        new("model.heads", "4"),
        new("model.d_ff", "512"),
        new("model.dropout", "0.1"),
        new("model.attention_dropout", "0.1"),
        new("optimizer.name", "adam"),
        new("optimizer.lr", "1"),
        new("schedule", "noam(d_model=128, warmup_steps=200, factor=0.3)"),
        new("training.steps", "3000"),
        new("training.batch_tokens", "1024"),
        new("training.label_smoothing", "0.1"),
        new("training.log_interval", "10"),
        new("training.eval_interval", "250"),
        new("training.checkpoint_interval", "250"),
        new("evaluation.bleu_sentences", "150"),
        new("evaluation.samples", "4"),
        new("evaluation.max_output_length", "40"),
    ];

    // The dotted options, listed in --help with the demo's values as their defaults.
    private static IReadOnlyList<OptionSpec> ConfigOptionsWithDemoDefaults { get; } = ConfigOptions.Describe(ConfigLoader.Load(null, Settings));

    /// <inheritdoc/>
    public override string Name => "demo";

    /// <inheritdoc/>
    public override string Summary => "build a zh_CN corpus from this machine (or use the built-in one) and train a small translator in a few minutes";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [RunOption, Minutes, .. ConfigOptionsWithDemoDefaults];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "The defaults listed are the demo's (they differ from ramp train's in the data, model, schedule and loop); any can be overridden.",
        "The corpus comes from this machine's zh_CN gettext catalogs; without any, the built-in corpus of software messages\n"
        + "is used (say so with --data.corpus builtin; see ramp data builtin).",
        "Examples:\n  ramp demo\n  ramp demo --data.corpus builtin\n  ramp demo --training.steps 300 --run runs/quick",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        TrainingConfig config;
        try
        {
            config = ConfigLoader.Load(null, [.. Settings, .. ConfigOptions.Overrides(arguments)]);
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw UsageException.From(error);
        }

        var minutes = arguments.Number(Minutes.Name, value => value >= 0 && value <= 10_000, "minutes from 0 to 10000", 4);
        var run = arguments.Text(RunOption.Name) ?? Path.Combine("runs", "demo-" + Path.GetFileName(TrainCommand.DefaultRunPath()));
        var limit = minutes > 0 ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        return TrainingSession.Run(context, callbacks => Trainer.Start(config, run, callbacks), limit, (trainer, outcome) =>
        {
            var last = outcome.LastEvaluation;
            if (outcome.Stop == TrainingStop.Cancelled && last?.Step != outcome.Step)
            {
                last = trainer.Evaluate();
            }

            if (last is not null)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"demo: {last.Step} updates in {outcome.Elapsed / 60:F1} min of training; validation loss {last.ValLoss:F3} (perplexity {last.ValPerplexity:F1}), BLEU {last.Bleu ?? 0:F2} on {config.Evaluation.BleuSentences} validation sentences"));
            }

            PrintTestBleu(context.Output, trainer.Run);
            context.Output.WriteLine($"Translate more with: ramp translate {trainer.Run.Path} \"Open the file\"");
        });
    }

    // BLEU of the best checkpoint on the whole test split, which training never looks at (as `ramp eval` computes it).
    private static void PrintTestBleu(TextWriter output, RunDirectory run)
    {
        using var best = TrainedModel.Load(run.Path);
        var test = ParallelCorpus.Read(TrainingData.CorpusPath(run)).Test;
        if (test.Count == 0)
        {
            return;
        }

        var evaluation = best.Config.Evaluation;
        var options = new DecodingOptions { Beam = evaluation.Beam, LengthPenalty = evaluation.LengthPenalty, MaxLength = evaluation.MaxOutputLength };
        var score = Evaluator.Bleu(best.Model, best.SourceTokenizer, best.TargetTokenizer, test, 0, 0, options).Score;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test: BLEU {score.Score:F2} on all {test.Count} test sentences (checkpoint {Path.GetFileName(best.CheckpointPath)}, step {best.State.Step})"));
    }
}
