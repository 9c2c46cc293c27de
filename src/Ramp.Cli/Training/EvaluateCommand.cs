// `ramp eval RUN`: validation and test loss, perplexity and BLEU of a run's best (or latest) checkpoint.
using System.Globalization;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Decoding;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Evaluates a trained run.</summary>
public sealed class EvaluateCommand : Command
{
    private static readonly OptionSpec Latest = new("--latest", null, "use the latest checkpoint instead of the best");
    private static readonly OptionSpec Beam = new("--beam", "N", "beam width for BLEU (default: the run's evaluation.beam)");
    private static readonly OptionSpec Sentences = new("--sentences", "N", "sentences decoded for BLEU per split; 0 all (default 0)");

    /// <inheritdoc/>
    public override string Name => "eval";

    /// <inheritdoc/>
    public override string Summary => "validation and test loss, perplexity and BLEU of a trained run";

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals => [new("RUN", "a run directory written by ramp train")];

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Latest, Beam, Sentences];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details => ["Example:\n  ramp eval runs/base --beam 4"];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var sentences = (int)arguments.Integer(Sentences.Name, 0, int.MaxValue, 0);
        using var trained = Load(arguments.Positionals[0], arguments.Flag(Latest.Name));
        var config = trained.Config;
        var options = new DecodingOptions
        {
            Beam = (int)arguments.Integer(Beam.Name, 1, 64, config.Evaluation.Beam),
            LengthPenalty = config.Evaluation.LengthPenalty,
            MaxLength = config.Evaluation.MaxOutputLength,
        };
        var data = TrainingData.Load(trained.Run);
        context.Output.WriteLine($"{trained.Run.Path}: checkpoint {Path.GetFileName(trained.CheckpointPath)} (step {trained.State.Step}), beam {options.Beam}");
        foreach (var (name, pairs, encoded) in new[] { ("valid", data.Corpus.Valid, data.Valid), ("test", data.Corpus.Test, data.Test) })
        {
            var loss = Evaluator.Loss(trained.Model, Evaluator.Batches(encoded, config.Training.BatchTokens, config.Data.MaxLength));
            var bleu = pairs.Count == 0 ? null : Evaluator.Bleu(trained.Model, trained.SourceTokenizer, trained.TargetTokenizer, pairs, sentences, 0, options).Score;
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-5}  pairs {pairs.Count,6}  loss {loss:F4}  perplexity {Math.Exp(loss):F2}  {bleu?.ToString() ?? "BLEU -"}"));
        }

        return CommandLine.Success;
    }

    internal static TrainedModel Load(string run, bool latest)
    {
        if (!new RunDirectory(run).Exists)
        {
            throw new UsageException($"RUN '{run}' is not a run directory (no config.json)");
        }

        try
        {
            return TrainedModel.Load(run, latest);
        }
        catch (ArgumentException error) when (error is not UsageException)
        {
            throw UsageException.From(error);
        }
    }
}
