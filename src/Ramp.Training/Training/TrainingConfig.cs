// Everything that defines a training run, as it appears in a config file (YAML or JSON, snake_case keys)
// and in the run directory's config.json. Every field can be overridden by a flag `--section.field value`.
namespace Ramp.Training.Training;

/// <summary>A whole training run: data, model, optimizer, schedule and the training loop.</summary>
public sealed record TrainingConfig
{
    /// <summary>Where the parallel corpus comes from and how it is tokenized.</summary>
    public DataConfig Data { get; init; } = new();

    /// <summary>The Transformer.</summary>
    public ModelConfig Model { get; init; } = new();

    /// <summary>The optimizer and its hyperparameters.</summary>
    public OptimizerConfig Optimizer { get; init; } = new();

    /// <summary>
    /// The learning-rate schedule as a Ramp spec. The default is the Transformer rule with warmup 4000;
    /// a relative schedule scales <see cref="OptimizerConfig.Lr"/>.
    /// </summary>
    public string Schedule { get; init; } = "noam(d_model=256, warmup_steps=4000)";

    /// <summary>Schedules for particular parameter groups (<c>decay</c>, <c>no_decay</c>), overriding <see cref="Schedule"/>.</summary>
    public Dictionary<string, string> GroupSchedules { get; init; } = [];

    /// <summary>The loop: length, batches, regularisation, evaluation, checkpoints.</summary>
    public LoopConfig Training { get; init; } = new();

    /// <summary>Decoding and BLEU during evaluation.</summary>
    public EvaluationConfig Evaluation { get; init; } = new();
}

/// <summary>The corpus and its tokenizers.</summary>
public sealed record DataConfig
{
    /// <summary>
    /// A corpus directory made by <c>ramp data gettext</c>; <c>builtin</c> for the English → zh_CN corpus of software
    /// messages shipped with Ramp (a directory of that name is <c>./builtin</c>); empty builds one from the machine's
    /// catalogs of <see cref="Language"/>, or for zh_CN falls back to the built-in corpus when they give no pairs.
    /// </summary>
    public string Corpus { get; init; } = string.Empty;

    /// <summary>The target language of the gettext catalogs when the corpus is built; <c>zh_CN</c> with the built-in corpus.</summary>
    public string Language { get; init; } = "zh_CN";

    /// <summary>Vocabulary size of the source (English) byte-level BPE.</summary>
    public int SourceVocabulary { get; init; } = 4000;

    /// <summary>The target tokenizer: <c>char</c> (Chinese characters) or <c>bpe</c>.</summary>
    public string TargetTokenizer { get; init; } = "char";

    /// <summary>Vocabulary size of the target tokenizer (for <c>char</c>: the most frequent characters kept).</summary>
    public int TargetVocabulary { get; init; } = 4000;

    /// <summary>Pairs with more tokens than this on either side are left out of training.</summary>
    public int MaxLength { get; init; } = 64;
}

/// <summary>The Transformer's shape.</summary>
public sealed record ModelConfig
{
    /// <summary><c>encoder_decoder</c> (translation) or <c>decoder_only</c> (language model).</summary>
    public string Architecture { get; init; } = "encoder_decoder";

    /// <summary>Layer-norm placement: <c>post</c> (the original Transformer; needs warmup) or <c>pre</c>.</summary>
    public string Norm { get; init; } = "post";

    /// <summary>Encoder layers.</summary>
    public int EncoderLayers { get; init; } = 3;

    /// <summary>Decoder layers.</summary>
    public int DecoderLayers { get; init; } = 3;

    /// <summary>Model width.</summary>
    public int DModel { get; init; } = 256;

    /// <summary>Attention heads; must divide <see cref="DModel"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Width of the feed-forward layer.</summary>
    public int DFf { get; init; } = 1024;

    /// <summary>Dropout after attention and feed-forward sublayers and on embeddings (the paper's 0.1).</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Dropout on attention weights.</summary>
    public double AttentionDropout { get; init; } = 0.1;

    /// <summary>The feed-forward activation: <c>relu</c> or <c>gelu</c>.</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Whether the decoder's input embedding and output projection share weights.</summary>
    public bool TiedEmbeddings { get; init; } = true;

    /// <summary>Position encoding: <c>sinusoidal</c> (the paper's) or <c>learned</c>.</summary>
    public string Positions { get; init; } = "sinusoidal";

    /// <summary>
    /// Rows of the position table: the longest sequence (source, target, or for a decoder-only model source plus
    /// target, each with its BOS/EOS) that training and decoding accept.
    /// </summary>
    public int MaxPositions { get; init; } = 512;
}

/// <summary>The optimizer.</summary>
public sealed record OptimizerConfig
{
    /// <summary>One of <c>sgd</c>, <c>adagrad</c>, <c>rmsprop</c>, <c>adam</c>, <c>adamw</c>, <c>radam</c>.</summary>
    public string Name { get; init; } = "adam";

    /// <summary>The base learning rate that relative schedules scale (absolute schedules ignore it).</summary>
    public double Lr { get; init; } = 1.0;

    /// <summary>Adam's beta1 and beta2 (the Transformer paper's 0.9, 0.98).</summary>
    public double[] Betas { get; init; } = [0.9, 0.98];

    /// <summary>The denominator's epsilon (the Transformer paper's 1e-9).</summary>
    public double Eps { get; init; } = 1e-9;

    /// <summary>Weight decay for the decaying group (matrices and token embeddings).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Momentum for SGD and RMSprop.</summary>
    public double Momentum { get; init; }
}

/// <summary>The training loop.</summary>
public sealed record LoopConfig
{
    /// <summary>Optimizer updates to run; 0 means run <see cref="Epochs"/> epochs.</summary>
    public long Steps { get; init; } = 2000;

    /// <summary>Epochs to run when <see cref="Steps"/> is 0.</summary>
    public int Epochs { get; init; }

    /// <summary>Token budget of a batch per side, padding included.</summary>
    public int BatchTokens { get; init; } = 2048;

    /// <summary>Batches whose gradients are summed before one update.</summary>
    public int Accumulation { get; init; } = 1;

    /// <summary>Clip the global gradient norm to this; 0 disables clipping (the norm is still logged).</summary>
    public double Clip { get; init; } = 1.0;

    /// <summary>Label smoothing of the cross-entropy (the paper's 0.1).</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Evaluate on the validation set every this many steps.</summary>
    public long EvalInterval { get; init; } = 200;

    /// <summary>Stop after this many evaluations without a better validation loss; 0 never stops early.</summary>
    public int EarlyStopping { get; init; }

    /// <summary>Write a checkpoint every this many steps (and at the end).</summary>
    public long CheckpointInterval { get; init; } = 500;

    /// <summary>How many recent checkpoints to keep besides the best one.</summary>
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>Consecutive non-finite losses or gradients after which training stops.</summary>
    public int MaxNonFinite { get; init; } = 5;

    /// <summary>Log a metrics line every this many steps.</summary>
    public long LogInterval { get; init; } = 10;

    /// <summary>The seed of every generator (initialisation, dropout, data order).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Compute threads; 0 uses every core.</summary>
    public int Threads { get; init; }
}

/// <summary>Evaluation and decoding.</summary>
public sealed record EvaluationConfig
{
    /// <summary>Beam width; 1 decodes greedily.</summary>
    public int Beam { get; init; } = 1;

    /// <summary>The length penalty exponent of beam search (GNMT's alpha).</summary>
    public double LengthPenalty { get; init; } = 0.6;

    /// <summary>Validation sentences decoded for BLEU at each evaluation; 0 decodes all of them.</summary>
    public int BleuSentences { get; init; } = 300;

    /// <summary>Sample translations printed at each evaluation.</summary>
    public int Samples { get; init; } = 3;

    /// <summary>The longest output, in target tokens.</summary>
    public int MaxOutputLength { get; init; } = 80;
}
