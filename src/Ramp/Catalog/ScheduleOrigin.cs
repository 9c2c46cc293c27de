// Where a catalog entry's name and semantics come from; a dotted qualifier in a spec picks the origin.
namespace Ramp;

/// <summary>The library whose name and exact semantics a catalog entry reproduces.</summary>
public enum ScheduleOrigin
{
    /// <summary>Ramp's own schedules and combinators.</summary>
    Ramp,

    /// <summary>PyTorch <c>torch.optim.lr_scheduler</c>.</summary>
    PyTorch,

    /// <summary>Hugging Face <c>transformers.optimization</c>.</summary>
    HuggingFace,

    /// <summary>Keras 3 schedules and TensorFlow's legacy decay functions.</summary>
    Keras,

    /// <summary>optax schedules.</summary>
    Optax,

    /// <summary>timm <c>timm.scheduler</c>.</summary>
    Timm,

    /// <summary>fairseq learning-rate schedulers.</summary>
    Fairseq,

    /// <summary>PaddlePaddle <c>paddle.optimizer.lr</c>.</summary>
    Paddle,

    /// <summary>Tony-Y's pytorch_warmup.</summary>
    PytorchWarmup,
}
