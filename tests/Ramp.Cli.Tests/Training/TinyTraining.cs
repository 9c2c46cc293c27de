// A tiny corpus (verb-object phrases from a fixed glossary, written here) and the options of a tiny model, so that a
// `ramp train` run takes a few milliseconds per update; and a run's metrics as text, to compare runs bit for bit.
using System.Globalization;
using System.Text.Json;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Training;

internal static class TinyTraining
{
    public static readonly string[] Options =
    [
        "--data.source_vocabulary", "300", "--data.target_vocabulary", "300", "--data.max_length", "24",
        "--model.encoder_layers", "1", "--model.decoder_layers", "1", "--model.d_model", "16", "--model.heads", "2", "--model.d_ff", "32",
        "--schedule", "noam(d_model=16, warmup_steps=4)", "--training.batch_tokens", "96", "--training.log_interval", "2",
        "--training.eval_interval", "4", "--training.checkpoint_interval", "4", "--training.threads", "1",
        "--evaluation.bleu_sentences", "3", "--evaluation.samples", "1", "--evaluation.max_output_length", "6",
    ];

    // Options with some of them replaced: pairs of option and value.
    public static string[] With(params string[] replacements)
    {
        var options = Options.ToList();
        for (var i = 0; i < replacements.Length; i += 2)
        {
            var at = options.IndexOf(replacements[i]);
            if (at < 0)
            {
                options.AddRange([replacements[i], replacements[i + 1]]);
            }
            else
            {
                options[at + 1] = replacements[i + 1];
            }
        }

        return [.. options];
    }

    public static string WriteCorpus(string directory)
    {
        (string, string)[] verbs = [("open", "打开"), ("save", "保存"), ("close", "关闭"), ("delete", "删除"), ("copy", "复制")];
        (string, string)[] nouns = [("file", "文件"), ("window", "窗口"), ("folder", "文件夹"), ("page", "页面"), ("tab", "标签页")];
        var lines = new Dictionary<string, List<string>> { ["train"] = [], ["valid"] = [], ["test"] = [] };
        var i = 0;
        foreach (var (verb, verbZh) in verbs)
        {
            foreach (var (noun, nounZh) in nouns)
            {
                foreach (var source in new[] { $"{verb} {noun}", $"{verb} the {noun}" })
                {
                    var split = (i++ % 7) switch { 0 => "valid", 1 => "test", _ => "train" };
                    lines[split].Add(JsonSerializer.Serialize(new { source, target = verbZh + nounZh, origin = "tiny" }));
                }
            }
        }

        Directory.CreateDirectory(directory);
        foreach (var (split, content) in lines)
        {
            File.WriteAllLines(Path.Combine(directory, split + ".jsonl"), content);
        }

        return directory;
    }

    // Everything in metrics.jsonl except wall-clock fields, numbers written round-trip.
    public static List<string> Describe(string run) => [.. new RunDirectory(run).ReadMetrics().Select(record => record switch
    {
        StepRecord step => $"step {step.Step} lr [{string.Join(", ", step.Lr.Select(rate => rate.ToString("R", CultureInfo.InvariantCulture)))}] loss {step.Loss:R} norm {step.GradNorm:R} skipped {step.Skipped}",
        EvaluationRecord evaluation => $"eval {evaluation.Step} loss {evaluation.ValLoss:R} bleu {evaluation.Bleu:R} samples {string.Join(" | ", evaluation.Samples.Select(sample => sample.Hypothesis))}",
        _ => record.ToString(),
    })];
}
