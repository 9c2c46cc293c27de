// `ramp translate RUN [TEXT...]`: translations by a run's best checkpoint, one line per input, of the texts given
// or of the lines of stdin; greedy, or beam search with --beam N.
using Ramp.Cli.Infrastructure;
using Ramp.Training.Decoding;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Translates with a trained run.</summary>
public sealed class TranslateCommand : Command
{
    private static readonly OptionSpec Latest = new("--latest", null, "use the latest checkpoint instead of the best");
    private static readonly OptionSpec Beam = new("--beam", "N", "beam width; 1 decodes greedily (default 1)");
    private static readonly OptionSpec MaxLength = new("--max-length", "N", "longest output in target tokens (default: the run's evaluation.max_output_length)");

    /// <inheritdoc/>
    public override string Name => "translate";

    /// <inheritdoc/>
    public override string Summary => "translate texts (or stdin lines) with a trained run";

    /// <inheritdoc/>
    public override IReadOnlyList<PositionalSpec> Positionals =>
        [new("RUN", "a run directory written by ramp train"), new("TEXT", "texts to translate; stdin lines when none", Required: false, Many: true)];

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Latest, Beam, MaxLength];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details => ["Examples:\n  ramp translate runs/base \"Open the file\" \"Save as\"\n  ramp translate runs/base --beam 4 < sentences.txt"];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var beam = (int)arguments.Integer(Beam.Name, 1, 64, 1);
        using var trained = EvaluateCommand.Load(arguments.Positionals[0], arguments.Flag(Latest.Name));
        var options = new DecodingOptions
        {
            Beam = beam,
            LengthPenalty = trained.Config.Evaluation.LengthPenalty,
            MaxLength = (int)arguments.Integer(MaxLength.Name, 1, 10_000, trained.Config.Evaluation.MaxOutputLength),
        };
        var texts = arguments.Positionals.Count > 1 ? arguments.Positionals.Skip(1).ToList() : ReadLines(Console.In);
        foreach (var translation in Evaluator.Translate(trained.Model, trained.SourceTokenizer, trained.TargetTokenizer, texts, options))
        {
            context.Output.WriteLine(translation);
        }

        return CommandLine.Success;
    }

    private static List<string> ReadLines(TextReader input)
    {
        var lines = new List<string>();
        while (input.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
