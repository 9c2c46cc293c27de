// The training loop of a run directory. One update: set every group's learning rate from the Scheduler (step
// origin: the rate of update k is the schedule at k), run `accumulation` batches forward and backward (gradients of
// the summed loss, scaled by 1 / tokens of the update so the update follows the mean), clip by global norm (the norm
// before clipping is logged), then step the optimizer and the scheduler and report the loss. An update whose loss or
// gradient norm is not finite is skipped (parameters, optimizer and schedule untouched; its batches are consumed);
// training.max_non_finite of them in a row stop the run without a new checkpoint, and no checkpoint is ever written
// of non-finite parameters, so the newest one holds the last good weights. After update k: a metrics line when
// k % log_interval == 0, an evaluation when k % eval_interval == 0 (not recorded when its loss is not finite), a
// checkpoint when k % checkpoint_interval == 0, then a check for cancellation, so an interrupted run has done
// exactly what the uninterrupted one did up to its last checkpoint.
// Generators: initialization from training.seed, data order from training.seed, dropout from a generator of its own.
using System.Diagnostics;
using Ramp.Training.Data.Batching;
using Ramp.Training.Decoding;
using Ramp.Training.Kernels;
using Ramp.Training.Logging;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Training;

/// <summary>Trains the model of a run directory, from scratch or from its latest checkpoint.</summary>
public sealed class Trainer : IDisposable
{
    private const ulong DropoutSeedMix = 0x9E3779B97F4A7C15UL;

    private readonly TrainingConfig _config;
    private readonly TrainingData _data;
    private readonly TransformerModel _model;
    private readonly Optimizer _optimizer;
    private readonly Batcher _batcher;
    private readonly IReadOnlyList<Batch> _validation;
    private readonly RandomGenerator _dropout;
    private readonly TrainerCallbacks _callbacks;
    private readonly double[] _rates;
    private Scheduler _scheduler;
    private TrainerState _state;
    private long _stepAtStart = -1;

    private Trainer(RunDirectory run, TrainingConfig config, TrainingData data, TrainerCallbacks? callbacks)
    {
        Run = run;
        _config = config;
        _data = data;
        _callbacks = callbacks ?? new TrainerCallbacks();
        if (config.Training.Threads > 0)
        {
            Gemm.ThreadCount = config.Training.Threads;
        }

        _model = new TransformerModel(config.Model, data.SourceTokenizer.VocabularySize, data.TargetTokenizer.VocabularySize, config.Training.Seed);
        _optimizer = OptimizerFactory.Create(config.Optimizer, _model.Layout);
        _scheduler = OptimizerFactory.CreateScheduler(config, _optimizer);
        _rates = new double[_optimizer.Groups.Count];
        _batcher = new Batcher(data.Train, new BatchingOptions
        {
            TokensPerBatch = config.Training.BatchTokens,
            MaximumSequenceLength = config.Data.MaxLength + 1,
            Seed = unchecked((ulong)config.Training.Seed),
        });
        _validation = Evaluator.Batches(data.Valid, config.Training.BatchTokens, config.Data.MaxLength);
        _dropout = new RandomGenerator(unchecked((ulong)config.Training.Seed * DropoutSeedMix) + 1);
        _state = new TrainerState { Fingerprint = _batcher.Fingerprint, DropoutRandom = _dropout.State };
    }

    /// <summary>The run directory.</summary>
    public RunDirectory Run { get; }

    /// <summary>The model being trained.</summary>
    public TransformerModel Model => _model;

    /// <summary>The run's data and tokenizers.</summary>
    public TrainingData Data => _data;

    /// <summary>Updates done so far.</summary>
    public long Step => _state.Step;

    /// <summary>Updates the run will do in all: training.steps, or an estimate from the epoch length.</summary>
    public long TotalSteps => _config.Training.Steps > 0
        ? _config.Training.Steps
        : (long)_config.Training.Epochs * _batcher.PlanEpoch(0).Count / _config.Training.Accumulation;

    /// <summary>Starts a new run: creates the run directory, writes config.json, prepares data and tokenizers.</summary>
    /// <exception cref="ArgumentException">The directory already holds a run, or the config's data cannot be used.</exception>
    public static Trainer Start(TrainingConfig config, string runPath, TrainerCallbacks? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ConfigValidator.Validate(config);
        var run = new RunDirectory(runPath);
        if (run.Exists)
        {
            throw new ArgumentException($"'{run.Path}' already holds a run; resume it (ramp train --resume) or choose another directory");
        }

        // Data first: a corpus that cannot be read leaves no half-made run behind. config.json last: a directory that
        // has one (a run, to --resume) holds its corpus and tokenizers, even if this process is killed meanwhile.
        var data = TrainingData.Prepare(config.Data, callbacks?.Message);
        data.Save(run);
        run.Create(config);
        var trainer = new Trainer(run, config, data, callbacks);
        trainer.Note($"run {run.Path}: {data.Train.Count} training pairs ({trainer._batcher.SkippedPairCount} longer than {config.Data.MaxLength} tokens left out), "
            + $"{data.Valid.Count} validation, vocabularies {data.SourceTokenizer.VocabularySize}/{data.TargetTokenizer.VocabularySize}, {trainer._model.Layout.Length:N0} parameters");
        return trainer;
    }

    /// <summary>
    /// Reopens a run at its latest complete checkpoint (or from the start if it has none) to continue it, after
    /// repairing what a process killed mid-write left (<see cref="Checkpoints.Recover"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The directory is not a run, or its data no longer matches the checkpoint.</exception>
    public static Trainer Resume(string runPath, TrainerCallbacks? callbacks = null)
    {
        var run = new RunDirectory(runPath);
        var config = run.ReadConfig();
        var trainer = new Trainer(run, config, TrainingData.Load(run), callbacks);
        Checkpoints.Recover(run);
        var latest = Checkpoints.Latest(run);
        if (latest is null)
        {
            run.TruncateMetrics(0);
            trainer.Note($"run {run.Path}: no checkpoint yet; starting from step 0");
            return trainer;
        }

        var (scheduler, state) = Checkpoints.Load(latest, trainer._model, trainer._optimizer);
        if (state.Fingerprint != trainer._batcher.Fingerprint)
        {
            throw new ArgumentException($"'{latest}': the training data or batching changed since the checkpoint (fingerprint {state.Fingerprint}, now {trainer._batcher.Fingerprint}); cannot resume exactly");
        }

        if (scheduler.Groups.Count != trainer._optimizer.Groups.Count)
        {
            throw new ArgumentException($"'{latest}': the scheduler has {scheduler.Groups.Count} groups, the optimizer {trainer._optimizer.Groups.Count}");
        }

        trainer._scheduler = scheduler;
        trainer._state = state;
        trainer._dropout.State = state.DropoutRandom;
        run.TruncateMetrics(state.Step);
        trainer.Note($"run {run.Path}: resumed at step {state.Step} from {Path.GetFileName(latest)}");
        return trainer;
    }

    /// <summary>Trains until the planned length, early stopping or cancellation; always ends with a checkpoint.</summary>
    /// <param name="cancellation">Checked after each update's logging, evaluation and checkpoint.</param>
    /// <exception cref="NonFiniteTrainingException">
    /// training.max_non_finite updates in a row were not finite, an update made parameters non-finite, or the schedule
    /// gave a learning rate that is not finite.
    /// </exception>
    public TrainingOutcome Train(CancellationToken cancellation = default)
    {
        var loop = _config.Training;
        var total = TotalSteps;
        using var tensorBoard = new TensorBoardWriter(Run.TensorBoardPath, sessionStartStep: _state.Step + 1);
        var clock = Stopwatch.StartNew();
        var startElapsed = _state.Elapsed;
        var lastLog = (Time: 0.0, Tokens: 0L);
        long sessionTokens = 0;
        var lastCheckpoint = -1L;
        EvaluationRecord? lastEvaluation = null;
        using var stream = _batcher.Read(_state.Position).GetEnumerator();
        var stop = TrainingStop.Completed;
        while (!Finished())
        {
            var (loss, tokens, norm) = Update(stream);
            sessionTokens += tokens;
            var elapsed = startElapsed + clock.Elapsed.TotalSeconds;
            _state = _state with { Elapsed = elapsed, DropoutRandom = _dropout.State };
            var seconds = clock.Elapsed.TotalSeconds;
            var speed = seconds > 0 ? sessionTokens / seconds : 0;
            var perStep = _state.Step > 0 ? seconds / Math.Max(1, _state.Step - _stepAtStart) : double.NaN;
            _callbacks.Progress?.Invoke(new TrainingProgress(_state.Step, total, _state.Position.Epoch, _rates[0], loss, speed, elapsed)
            {
                SecondsLeft = _state.Step > _stepAtStart ? perStep * Math.Max(0, total - _state.Step) : double.NaN,
            });
            if (norm is null)
            {
                continue;
            }

            var step = _state.Step;
            if (step % loop.LogInterval == 0)
            {
                var record = new StepRecord
                {
                    Step = step,
                    Elapsed = elapsed,
                    Lr = [.. _rates],
                    Loss = _state.LogTokens == 0 ? double.NaN : _state.LogLossSum / _state.LogTokens,
                    GradNorm = norm.Value,
                    TokensPerSecond = (sessionTokens - lastLog.Tokens) / Math.Max(1e-9, seconds - lastLog.Time),
                    Skipped = _state.Skipped,
                };
                lastLog = (seconds, sessionTokens);
                _state = _state with { LogLossSum = 0, LogTokens = 0 };
                Log(record, tensorBoard);
            }

            if (step % loop.EvalInterval == 0)
            {
                lastEvaluation = Evaluate(tensorBoard);
            }

            if (step % loop.CheckpointInterval == 0)
            {
                SaveCheckpoint();
                lastCheckpoint = step;
            }

            if (loop.EarlyStopping > 0 && _state.EvaluationsWithoutImprovement >= loop.EarlyStopping)
            {
                stop = TrainingStop.EarlyStopped;
                Note($"early stopping at step {step}: {loop.EarlyStopping} evaluations without a better validation loss (best {_state.BestValidationLoss:F4} at step {_state.BestStep})");
                break;
            }

            if (cancellation.IsCancellationRequested)
            {
                stop = TrainingStop.Cancelled;
                break;
            }
        }

        if (stop == TrainingStop.Completed && (lastEvaluation is null || lastEvaluation.Step != _state.Step) && _state.Step % loop.EvalInterval != 0)
        {
            lastEvaluation = Evaluate(tensorBoard);
        }

        if (lastCheckpoint != _state.Step)
        {
            SaveCheckpoint();
        }

        tensorBoard.Flush();
        return new TrainingOutcome(stop, _state.Step, _state.BestValidationLoss, lastEvaluation, _state.Elapsed);

        bool Finished() => loop.Steps > 0 ? _state.Step >= loop.Steps : _state.Position.Epoch >= loop.Epochs;
    }

    // One update (or a skipped one). Returns the update's mean NLL, its target tokens, and the gradient norm (null when skipped).
    private (double Loss, long Tokens, float? Norm) Update(IEnumerator<PositionedBatch> stream)
    {
        if (_stepAtStart < 0)
        {
            _stepAtStart = _state.Step;
        }

        _scheduler.CopyRates(_rates);
        for (var g = 0; g < _rates.Length; g++)
        {
            if (!double.IsFinite(_rates[g]) || _rates[g] < 0)
            {
                // A schedule that overflows (e.g. growing exponentially) would give the same rate to every later try.
                throw new NonFiniteTrainingException($"training stopped at step {_state.Step}: the schedule gives group '{_optimizer.Groups[g].Name}' the learning rate {_rates[g]} for update {_state.Step + 1} (allowed: finite and >= 0); {LastGoodCheckpoint()}");
            }

            _optimizer.Groups[g].LearningRate = _rates[g];
        }

        _model.ZeroGradients();
        double likelihood = 0;
        long tokens = 0;
        var position = _state.Position;
        for (var i = 0; i < _config.Training.Accumulation; i++)
        {
            stream.MoveNext();
            var item = stream.Current;
            var loss = _model.ForwardBackward(item.Batch, (float)_config.Training.LabelSmoothing, _dropout);
            likelihood += loss.NegativeLogLikelihoodSum;
            tokens += loss.TokenCount;
            position = item.Next;
        }

        _state = _state with { Position = position };
        var gradients = _model.Gradients.Span;
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradients, 1f / Math.Max(1, tokens), gradients);
        var clip = _config.Training.Clip > 0 ? _config.Training.Clip : double.PositiveInfinity;
        var norm = GradientClipping.ClipByGlobalNorm(gradients, clip);
        var mean = tokens == 0 ? double.NaN : likelihood / tokens;
        if (!double.IsFinite(likelihood) || !norm.IsFinite)
        {
            _state = _state with { Skipped = _state.Skipped + 1, ConsecutiveNonFinite = _state.ConsecutiveNonFinite + 1 };
            Note($"step {_state.Step + 1}: skipped (loss {mean}, gradient norm {norm.Norm}); {_state.Skipped} skipped so far");
            if (_state.ConsecutiveNonFinite >= _config.Training.MaxNonFinite)
            {
                // No checkpoint of weights that gave only non-finite updates: the newest one stays the last good one.
                throw new NonFiniteTrainingException($"training stopped at step {_state.Step}: {_state.ConsecutiveNonFinite} updates in a row had a non-finite loss or gradient (training.max_non_finite={_config.Training.MaxNonFinite}); {LastGoodCheckpoint()}; lower the learning rate or lengthen the warmup");
            }

            return (mean, tokens, null);
        }

        _optimizer.Step(_model.Parameters.Span, gradients);
        _scheduler.Step();
        _scheduler.Report("loss", mean);
        _scheduler.Report("grad_norm", norm.Norm);
        _state = _state with
        {
            Step = _state.Step + 1,
            ConsecutiveNonFinite = 0,
            LogLossSum = _state.LogLossSum + likelihood,
            LogTokens = _state.LogTokens + tokens,
        };
        return (mean, tokens, norm.Norm);
    }

    /// <summary>
    /// Evaluates now, outside the eval_interval rhythm (e.g. after a time-limited run was stopped): appends the
    /// evaluation to metrics.jsonl and TensorBoard, and updates the best checkpoint when it improved.
    /// </summary>
    /// <returns>The evaluation, or null when the validation loss was not finite (then nothing is recorded).</returns>
    public EvaluationRecord? Evaluate()
    {
        using var tensorBoard = new TensorBoardWriter(Run.TensorBoardPath);
        return Evaluate(tensorBoard);
    }

    private EvaluationRecord? Evaluate(TensorBoardWriter tensorBoard)
    {
        var evaluation = _config.Evaluation;
        var loss = Evaluator.Loss(_model, _validation);
        if (!double.IsFinite(loss))
        {
            // metrics.jsonl holds finite numbers only; the non-finite updates that follow such weights stop the run.
            _state = _state with { EvaluationsWithoutImprovement = _state.EvaluationsWithoutImprovement + 1 };
            Note($"step {_state.Step}: validation loss {loss}; the evaluation is not recorded");
            return null;
        }

        double? bleu = null;
        IReadOnlyList<SampleTranslation> samples = [];
        if (evaluation.BleuSentences > 0 || evaluation.Samples > 0)
        {
            var options = new DecodingOptions { Beam = evaluation.Beam, LengthPenalty = evaluation.LengthPenalty, MaxLength = evaluation.MaxOutputLength };
            var count = evaluation.BleuSentences == 0 ? 0 : Math.Max(evaluation.BleuSentences, evaluation.Samples);
            var (score, kept) = Evaluator.Bleu(_model, _data.SourceTokenizer, _data.TargetTokenizer, _data.Corpus.Valid, count, evaluation.Samples, options);
            bleu = evaluation.BleuSentences > 0 || count == 0 ? score.Score : null;
            samples = kept;
        }

        var record = new EvaluationRecord
        {
            Step = _state.Step,
            Elapsed = _state.Elapsed,
            ValLoss = loss,
            ValPerplexity = Math.Exp(loss),
            Bleu = bleu,
            Samples = samples,
        };
        Run.Append(record);
        tensorBoard.AddScalar("valid/loss", loss, record.Step);
        tensorBoard.AddScalar("valid/perplexity", record.ValPerplexity, record.Step);
        if (bleu is { } value)
        {
            tensorBoard.AddScalar("valid/bleu", value, record.Step);
        }

        tensorBoard.Flush();
        if (loss < _state.BestValidationLoss)
        {
            _state = _state with { BestValidationLoss = loss, BestStep = _state.Step, EvaluationsWithoutImprovement = 0 };
            Checkpoints.Save(Checkpoints.BestPath(Run), _model, _optimizer, _scheduler, _state);
        }
        else
        {
            _state = _state with { EvaluationsWithoutImprovement = _state.EvaluationsWithoutImprovement + 1 };
        }

        if (_state.Step > 0)
        {
            _scheduler.Report("val_loss", loss);
        }

        _callbacks.Evaluated?.Invoke(record);
        return record;
    }

    private void Log(StepRecord record, TensorBoardWriter tensorBoard)
    {
        Run.Append(record);
        tensorBoard.AddScalar("train/loss", record.Loss, record.Step);
        tensorBoard.AddScalar("train/grad_norm", record.GradNorm, record.Step);
        tensorBoard.AddScalar("train/tokens_per_second", record.TokensPerSecond, record.Step);
        for (var g = 0; g < record.Lr.Count; g++)
        {
            tensorBoard.AddScalar($"train/lr/{_optimizer.Groups[g].Name}", record.Lr[g], record.Step);
        }

        tensorBoard.Flush();
        _callbacks.Logged?.Invoke(record);
    }

    private void SaveCheckpoint()
    {
        if (!System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<float>(_model.Parameters.Span))
        {
            throw new NonFiniteTrainingException($"training stopped at step {_state.Step}: the update made some parameters non-finite, so no checkpoint was written; {LastGoodCheckpoint()}; lower the learning rate or lengthen the warmup");
        }

        _state = _state with { DropoutRandom = _dropout.State };
        Checkpoints.Save(Checkpoints.StepPath(Run, _state.Step), _model, _optimizer, _scheduler, _state);
        Checkpoints.Prune(Run, _config.Training.KeepCheckpoints);
    }

    private string LastGoodCheckpoint() => Checkpoints.Latest(Run) is { } latest
        ? $"the last good checkpoint is {Path.GetFileName(latest)}"
        : "there is no checkpoint yet";

    private void Note(string message) => _callbacks.Message?.Invoke(message);

    /// <summary>Frees the model's memory.</summary>
    public void Dispose() => _model.Dispose();
}
