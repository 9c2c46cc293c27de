// `ramp data builtin`: writes the English-to-zh_CN corpus shipped with Ramp (generated UI messages, the corpus
// `data.corpus: builtin` trains on) as train/valid/test JSON Lines, to read it or to edit it into a corpus of one's own.
using System.Globalization;
using Ramp.Cli.Infrastructure;
using Ramp.Training.Data.Corpus.Builtin;

namespace Ramp.Cli.Data;

/// <summary>Writes the built-in corpus.</summary>
public sealed class BuiltinCommand : Command
{
    private static readonly OptionSpec Output = new("--output", "DIR", "the corpus directory to write") { Alias = "-o", Required = true };

    /// <inheritdoc/>
    public override string Name => "builtin";

    /// <inheritdoc/>
    public override string Summary => "write the English-to-zh_CN corpus of software messages shipped with Ramp";

    /// <inheritdoc/>
    public override IReadOnlyList<OptionSpec> Options => [Output, SplitOption.Spec];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details =>
    [
        "The corpus is generated from a glossary of UI verbs and objects and sentence patterns written for Ramp\n"
        + "(\"Could not open the file.\" → \"无法打开文件。\"); it is what --data.corpus builtin trains on, and what ramp demo\n"
        + "uses when the machine has no zh_CN catalogs. The split is by a SHA-256 hash of the source text, as in ramp data gettext.",
        "Output: DIR/train.jsonl, valid.jsonl, test.jsonl (one {\"source\", \"target\", \"origin\"} per line).",
        "Example:\n  ramp data builtin -o corpus-builtin",
    ];

    /// <inheritdoc/>
    public override int Execute(ParsedArguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var (valid, test) = SplitOption.Read(arguments);
        if (valid + test >= 1)
        {
            throw new UsageException($"{SplitOption.Spec.Name} '{arguments.Text(SplitOption.Spec.Name)}' leaves nothing to train on; allowed: VALID + TEST below 1");
        }

        var corpus = BuiltinCorpus.Build(valid, test);
        var output = OutputFile.CheckDirectory(arguments.Text(Output.Name)!, Output.Name);
        corpus.Write(output);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built-in corpus: {corpus.Train.Count} training, {corpus.Valid.Count} validation, {corpus.Test.Count} test pairs"));
        context.Output.WriteLine($"wrote {output}");
        return CommandLine.Success;
    }
}
