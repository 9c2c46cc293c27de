// Checks a TrainingConfig's values and their relations before anything runs; the first problem is
// reported in one line naming the field, the bad value and what is allowed.
using System.Globalization;
using Ramp.Training.Data.Corpus.Builtin;

namespace Ramp.Training.Training;

/// <summary>Validates a <see cref="TrainingConfig"/>.</summary>
public static class ConfigValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> for the first invalid field.</summary>
    public static void Validate(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var data = config.Data;
        Positive("data.source_vocabulary", data.SourceVocabulary, 260);
        Positive("data.target_vocabulary", data.TargetVocabulary, 8);
        Positive("data.max_length", data.MaxLength, 2);
        OneOf("data.target_tokenizer", data.TargetTokenizer, "char", "bpe");
        if (data.Corpus == BuiltinCorpus.Name && data.Language != BuiltinCorpus.Language)
        {
            throw new ArgumentException($"config: data.language={data.Language} is not allowed with data.corpus={BuiltinCorpus.Name}; allowed: {BuiltinCorpus.Language} (the built-in corpus is English to Simplified Chinese)");
        }

        var model = config.Model;
        OneOf("model.architecture", model.Architecture, "encoder_decoder", "decoder_only");
        OneOf("model.norm", model.Norm, "post", "pre");
        OneOf("model.activation", model.Activation, "relu", "gelu");
        OneOf("model.positions", model.Positions, "sinusoidal", "learned");
        Positive("model.max_positions", model.MaxPositions, 3);
        Positive("model.encoder_layers", model.EncoderLayers, model.Architecture == "decoder_only" ? 0 : 1);
        Positive("model.decoder_layers", model.DecoderLayers, 1);
        Positive("model.d_model", model.DModel, 2);
        Positive("model.heads", model.Heads, 1);
        Positive("model.d_ff", model.DFf, 1);
        if (model.DModel % model.Heads != 0)
        {
            throw new ArgumentException($"config: model.heads={model.Heads} must divide model.d_model={model.DModel}");
        }

        Probability("model.dropout", model.Dropout);
        Probability("model.attention_dropout", model.AttentionDropout);
        // Source and target get one special token each (EOS, BOS); a decoder-only model reads both in one sequence.
        var longest = (config.Data.MaxLength + 1) * (model.Architecture == "decoder_only" ? 2 : 1);
        if (longest > model.MaxPositions)
        {
            throw new ArgumentException($"config: model.max_positions={model.MaxPositions} is too small for data.max_length={config.Data.MaxLength}; allowed: at least {longest}");
        }

        var optimizer = config.Optimizer;
        OneOf("optimizer.name", optimizer.Name, "sgd", "adagrad", "rmsprop", "adam", "adamw", "radam");
        NonNegative("optimizer.lr", optimizer.Lr);
        NonNegative("optimizer.weight_decay", optimizer.WeightDecay);
        NonNegative("optimizer.momentum", optimizer.Momentum);
        if (!(optimizer.Eps > 0))
        {
            throw new ArgumentException($"config: optimizer.eps={Format(optimizer.Eps)} is not allowed; allowed: > 0");
        }

        if (optimizer.Betas.Length != 2 || optimizer.Betas.Any(beta => !(beta >= 0 && beta < 1)))
        {
            throw new ArgumentException($"config: optimizer.betas=[{string.Join(", ", optimizer.Betas.Select(Format))}] is not allowed; allowed: two numbers in [0, 1)");
        }

        CheckSchedule("schedule", config.Schedule);
        foreach (var (group, spec) in config.GroupSchedules)
        {
            OneOf("group_schedules key", group, "decay", "no_decay");
            CheckSchedule($"group_schedules.{group}", spec);
        }

        var loop = config.Training;
        if (loop.Steps < 0 || loop.Epochs < 0 || (loop.Steps == 0 && loop.Epochs == 0))
        {
            throw new ArgumentException($"config: training.steps={loop.Steps} and training.epochs={loop.Epochs}: give steps > 0, or steps 0 and epochs > 0");
        }

        Positive("training.batch_tokens", loop.BatchTokens, 8);
        Positive("training.accumulation", loop.Accumulation, 1);
        NonNegative("training.clip", loop.Clip);
        if (!(loop.LabelSmoothing >= 0 && loop.LabelSmoothing < 1))
        {
            throw new ArgumentException($"config: training.label_smoothing={Format(loop.LabelSmoothing)} is not allowed; allowed: [0, 1)");
        }

        Positive("training.eval_interval", loop.EvalInterval, 1);
        Positive("training.checkpoint_interval", loop.CheckpointInterval, 1);
        Positive("training.keep_checkpoints", loop.KeepCheckpoints, 1);
        Positive("training.max_non_finite", loop.MaxNonFinite, 1);
        Positive("training.log_interval", loop.LogInterval, 1);
        NonNegative("training.early_stopping", loop.EarlyStopping);
        NonNegative("training.threads", loop.Threads);

        var evaluation = config.Evaluation;
        Positive("evaluation.beam", evaluation.Beam, 1);
        NonNegative("evaluation.length_penalty", evaluation.LengthPenalty);
        NonNegative("evaluation.bleu_sentences", evaluation.BleuSentences);
        NonNegative("evaluation.samples", evaluation.Samples);
        Positive("evaluation.max_output_length", evaluation.MaxOutputLength, 1);
    }

    private static void CheckSchedule(string field, string spec)
    {
        try
        {
            _ = Schedule.Parse(spec);
        }
        catch (SpecException error)
        {
            throw new ArgumentException($"config: {field}: {error.Message}", error);
        }
    }

    private static void Positive(string field, long value, long minimum)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"config: {field}={value} is not allowed; allowed: an integer >= {minimum}");
        }
    }

    private static void NonNegative(string field, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"config: {field}={Format(value)} is not allowed; allowed: a finite number >= 0");
        }
    }

    private static void Probability(string field, double value)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentException($"config: {field}={Format(value)} is not allowed; allowed: [0, 1)");
        }
    }

    private static void OneOf(string field, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ArgumentException($"config: {field}='{value}' is not allowed; allowed: one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
