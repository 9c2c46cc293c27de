// Initial values, drawn from one generator in layout order so that a seed fixes every value:
//   projection weights (q, k, v, out, fc1, fc2)  Xavier uniform, gain 1, per (out, in) matrix
//                                                (the Annotated Transformer; PyTorch's nn.MultiheadAttention
//                                                instead draws q, k, v as one (3C, C) matrix, a bound 1/√2 smaller)
//   token embeddings, learned positions,         normal(0, d_model^-1/2), as fairseq: with the sqrt(d_model)
//   untied output projection                     embedding scale the embeddings start at unit variance, and
//                                                logits start at unit scale whether or not the output is tied
//   the padding rows of token embeddings         zero (fairseq's padding_idx)
//   biases                                       zero;  layer norms: gain 1, shift 0
using Ramp.Training.Data.Tokenizers;
using Ramp.Training.Optimizers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Models;

/// <summary>Fills a Transformer's parameter block with its initial values.</summary>
internal static class TransformerInitialization
{
    public static void Initialize(TransformerShape shape, ParameterLayout layout, Span<float> parameters, RandomGenerator generator)
    {
        var embeddingStandardDeviation = 1f / MathF.Sqrt(shape.Channels);
        foreach (var entry in layout.Entries)
        {
            var values = parameters.Slice(entry.Offset, entry.Length);
            switch (entry.Kind)
            {
                case ParameterRole.LinearWeight when entry.Name.EndsWith("output_projection.weight", StringComparison.Ordinal):
                    generator.FillNormal(0f, embeddingStandardDeviation, values);
                    break;
                case ParameterRole.LinearWeight:
                    Initializers.XavierUniform(generator, fanIn: entry.Shape[1], fanOut: entry.Shape[0], gain: 1f, values);
                    break;
                case ParameterRole.TokenEmbedding:
                    generator.FillNormal(0f, embeddingStandardDeviation, values);
                    ClearPaddingRows(shape, values);
                    break;
                case ParameterRole.PositionEmbedding:
                    generator.FillNormal(0f, embeddingStandardDeviation, values);
                    break;
                case ParameterRole.NormWeight:
                    values.Fill(1f);
                    break;
                default:
                    values.Clear();
                    break;
            }
        }
    }

    // The padding row of each vocabulary in the table: row 0, and for a decoder-only model's joint table also
    // the target vocabulary's padding row.
    private static void ClearPaddingRows(TransformerShape shape, Span<float> table)
    {
        var c = shape.Channels;
        table.Slice(SpecialTokens.PadId * c, c).Clear();
        if (shape.Architecture == TransformerArchitecture.DecoderOnly)
        {
            table.Slice((shape.SourceVocabularySize + SpecialTokens.PadId) * c, c).Clear();
        }
    }
}
