// Greedy decoding: each source keeps one row, which takes the most probable token (the lowest id on a tie)
// until it emits EOS or reaches the length limit, where EOS is forced. Finished rows are dropped from the
// session so later steps only compute live ones.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Decoding;

/// <summary>Greedy search over a decoding session.</summary>
internal static class GreedySearch
{
    /// <summary>The generated target ids of every source, without the end token.</summary>
    public static int[][] Run(DecodingSession session, SearchPrompts prompts, int maxLength)
    {
        var outputs = new List<int>[prompts.Count];
        var sources = new int[prompts.Count];
        for (var s = 0; s < prompts.Count; s++)
        {
            outputs[s] = [];
            sources[s] = s;
        }

        session.Start(sources);
        var tokens = new int[prompts.Count];
        var survivors = new List<int>(prompts.Count);
        for (var step = 0; session.RowCount > 0; step++)
        {
            var rowSources = session.RowSources;
            for (var r = 0; r < session.RowCount; r++)
            {
                var s = rowSources[r];
                tokens[r] = step < prompts.Length(s) ? prompts.Token(s, step) : outputs[s][^1] + prompts.TargetOffset;
            }

            session.Step(tokens);
            survivors.Clear();
            rowSources = session.RowSources;
            for (var r = 0; r < session.RowCount; r++)
            {
                var s = rowSources[r];
                var generated = step - (prompts.Length(s) - 1);
                if (generated >= 0)
                {
                    var token = generated == maxLength ? SpecialTokens.EndId : ArgMax(session.Logits(r));
                    if (token == SpecialTokens.EndId)
                    {
                        continue;
                    }

                    outputs[s].Add(token);
                }

                survivors.Add(r);
            }

            if (survivors.Count < session.RowCount)
            {
                session.Reorder(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(survivors));
            }
        }

        return [.. outputs.Select(output => output.ToArray())];
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = -1;
        for (var token = 0; token < logits.Length; token++)
        {
            if (!SearchPrompts.IsExcluded(token) && (best < 0 || logits[token] > logits[best]))
            {
                best = token;
            }
        }

        return best;
    }
}
