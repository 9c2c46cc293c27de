// The discrete choices that shape a Transformer: which stacks it has, where its layer norms sit, the
// feed-forward activation and how positions are encoded. ModelConfig spells them as strings
// (encoder_decoder | decoder_only, post | pre, relu | gelu); TransformerShape parses them into these.
namespace Ramp.Training.Models;

/// <summary>Which stacks the model has.</summary>
public enum TransformerArchitecture
{
    /// <summary>An encoder over the source and a decoder with cross-attention over the encoder's output (translation).</summary>
    EncoderDecoder,

    /// <summary>One causal stack reading the source as a prefix of the target (a prefix language model).</summary>
    DecoderOnly,
}

/// <summary>Where each sublayer's layer norm sits.</summary>
public enum NormPlacement
{
    /// <summary>After the residual add, x = norm(x + sublayer(x)): the original Transformer.</summary>
    PostNorm,

    /// <summary>Inside the residual branch, x = x + sublayer(norm(x)), with a final norm after each stack (Xiong et al. 2020).</summary>
    PreNorm,
}

/// <summary>The activation between the two feed-forward projections.</summary>
public enum FeedForwardActivation
{
    /// <summary>max(x, 0), the original Transformer's.</summary>
    Relu,

    /// <summary>The exact x·Φ(x) (PyTorch's nn.GELU default).</summary>
    Gelu,
}

/// <summary>How positions enter the embeddings.</summary>
public enum PositionEncoding
{
    /// <summary>The fixed sine/cosine table of the Transformer paper; no parameters.</summary>
    Sinusoidal,

    /// <summary>A learned table (positions, d_model) per stack, like GPT-2's wpe.</summary>
    Learned,
}
