// A tiny English-Chinese corpus (word-by-word phrases from a fixed glossary, written here) and a tiny model config,
// so that whole training runs take well under a second per dozen steps; and a run's metrics as text, to compare runs.
using System.Text.Json;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

internal static class TinyRuns
{
    private static readonly (string English, string Chinese)[] Verbs =
        [("open", "打开"), ("save", "保存"), ("close", "关闭"), ("delete", "删除"), ("copy", "复制"), ("print", "打印")];

    private static readonly (string English, string Chinese)[] Objects =
        [("file", "文件"), ("window", "窗口"), ("folder", "文件夹"), ("page", "页面"), ("image", "图像"), ("document", "文档"), ("tab", "标签页")];

    // Every verb-object phrase, and "the" variants, split by a fixed rule: every 9th pair valid, every 9th + 1 test.
    public static string WriteCorpus(string directory)
    {
        Directory.CreateDirectory(directory);
        var pairs = new List<(string Source, string Target)>();
        foreach (var (verb, verbZh) in Verbs)
        {
            foreach (var (noun, nounZh) in Objects)
            {
                pairs.Add(($"{verb} {noun}", verbZh + nounZh));
                pairs.Add(($"{verb} the {noun}", verbZh + nounZh));
                pairs.Add(($"{char.ToUpperInvariant(verb[0])}{verb[1..]} {noun}s", verbZh + nounZh));
            }
        }

        var splits = new Dictionary<string, List<string>> { ["train"] = [], ["valid"] = [], ["test"] = [] };
        for (var i = 0; i < pairs.Count; i++)
        {
            var split = (i % 9) switch { 0 => "valid", 1 => "test", _ => "train" };
            splits[split].Add(JsonSerializer.Serialize(new { source = pairs[i].Source, target = pairs[i].Target, origin = "tiny" }));
        }

        foreach (var (split, lines) in splits)
        {
            File.WriteAllLines(Path.Combine(directory, split + ".jsonl"), lines);
        }

        return directory;
    }

    public static TrainingConfig Config(string corpus, params (string Field, string Value)[] overrides)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("data.corpus", corpus),
            new("data.source_vocabulary", "300"),
            new("data.target_vocabulary", "300"),
            new("data.max_length", "24"),
            new("model.encoder_layers", "1"),
            new("model.decoder_layers", "1"),
            new("model.d_model", "16"),
            new("model.heads", "2"),
            new("model.d_ff", "32"),
            new("schedule", "noam(d_model=16, warmup_steps=8)"),
            new("training.steps", "24"),
            new("training.batch_tokens", "96"),
            new("training.log_interval", "2"),
            new("training.eval_interval", "6"),
            new("training.checkpoint_interval", "8"),
            new("training.threads", "1"),
            new("evaluation.bleu_sentences", "4"),
            new("evaluation.samples", "2"),
            new("evaluation.max_output_length", "8"),
        };
        all.AddRange(overrides.Select(pair => new KeyValuePair<string, string>(pair.Field, pair.Value)));
        return ConfigLoader.Load(null, all);
    }

    // Everything in metrics.jsonl except wall-clock fields, numbers written round-trip.
    public static List<string> Describe(RunDirectory run) => [.. run.ReadMetrics().Select(record => record switch
    {
        StepRecord step => $"step {step.Step} lr [{string.Join(", ", step.Lr.Select(rate => rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] loss {step.Loss:R} norm {step.GradNorm:R} skipped {step.Skipped}",
        EvaluationRecord evaluation => $"eval {evaluation.Step} loss {evaluation.ValLoss:R} bleu {evaluation.Bleu:R} samples {string.Join(" | ", evaluation.Samples.Select(sample => sample.Hypothesis))}",
        _ => record.ToString(),
    })];
}
