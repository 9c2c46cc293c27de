// What a named parameter is, as far as the optimizer cares: the default weight-decay rule is written in
// these terms. A model states the kind of each parameter; when it does not, the kind is inferred from the
// name (PyTorch/Hugging Face spellings) and the shape, and the layout records what was inferred.
namespace Ramp.Training.Optimizers;

/// <summary>The role of a parameter tensor.</summary>
public enum ParameterRole
{
    /// <summary>Not stated: inferred from the name and shape when the layout is built.</summary>
    Unspecified,
    /// <summary>A weight matrix of a linear or attention projection, (out, in).</summary>
    LinearWeight,
    /// <summary>An additive bias vector.</summary>
    Bias,
    /// <summary>The gain of a layer norm.</summary>
    NormWeight,
    /// <summary>The shift of a layer norm.</summary>
    NormBias,
    /// <summary>A token embedding table, (vocabulary, C).</summary>
    TokenEmbedding,
    /// <summary>A learned position embedding table, (positions, C).</summary>
    PositionEmbedding,
    /// <summary>Anything else; decays when it has two or more dimensions.</summary>
    Other,
}

/// <summary>Infers a <see cref="ParameterRole"/> from a parameter's name and shape.</summary>
public static class ParameterKinds
{
    /// <summary>
    /// The kind that a name like <c>encoder.layers.0.norm1.bias</c>, <c>wpe.weight</c> or <c>embed_tokens.weight</c>
    /// suggests: norms contain "norm" or a segment starting with "ln"; position embeddings are "wpe", start
    /// with "pos" or mention both "emb" and "pos"; token embeddings mention "emb", "wte" or "tok"; biases end in "bias"; other names fall back on
    /// the shape (two or more dimensions: <see cref="ParameterRole.LinearWeight"/>, else <see cref="ParameterRole.Other"/>).
    /// </summary>
    /// <param name="name">Dot-separated parameter name.</param>
    /// <param name="shape">Dimensions, outermost first.</param>
    public static ParameterRole Infer(string name, IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        var segments = name.ToLowerInvariant().Split('.');
        var last = segments[^1];
        var isBias = last.EndsWith("bias", StringComparison.Ordinal);
        var isNorm = segments.Any(segment => segment.Contains("norm", StringComparison.Ordinal) || segment.StartsWith("ln", StringComparison.Ordinal));
        if (isNorm)
        {
            return isBias ? ParameterRole.NormBias : ParameterRole.NormWeight;
        }
        if (isBias)
        {
            return ParameterRole.Bias;
        }
        if (segments.Any(segment => segment == "wpe" || segment.StartsWith("pos", StringComparison.Ordinal)
            || (segment.Contains("emb", StringComparison.Ordinal) && segment.Contains("pos", StringComparison.Ordinal))))
        {
            return ParameterRole.PositionEmbedding;
        }
        if (segments.Any(segment => segment.Contains("emb", StringComparison.Ordinal) || segment == "wte" || segment.StartsWith("tok", StringComparison.Ordinal)))
        {
            return ParameterRole.TokenEmbedding;
        }
        return shape.Count >= 2 ? ParameterRole.LinearWeight : ParameterRole.Other;
    }
}
