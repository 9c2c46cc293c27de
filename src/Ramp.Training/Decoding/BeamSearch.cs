// Beam search in fairseq's form: each source keeps up to K live hypotheses scored by their summed
// log-probability. At each step its rows propose their 2K best next tokens; the candidates are ranked, an EOS
// candidate among the first K ranks finishes its hypothesis (scored log P / lp, GNMT's length penalty), and
// the best K other candidates live on. A source is done when K hypotheses have finished; at the length limit
// EOS is forced. Ties rank the lower row, then the lower token id, first, so width 1 is greedy decoding.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Decoding;

/// <summary>Beam search over a decoding session.</summary>
internal static class BeamSearch
{
    /// <summary>The best finished hypothesis of every source, without the end token.</summary>
    public static int[][] Run(DecodingSession session, SearchPrompts prompts, DecodingOptions options)
    {
        var width = options.Beam;
        var sourceCount = prompts.Count;
        var finished = new List<(int[] Tokens, double Score)>[sourceCount];
        var sources = new int[sourceCount];
        for (var s = 0; s < sourceCount; s++)
        {
            finished[s] = [];
            sources[s] = s;
        }

        // Per row: its hypothesis and summed log-probability; rows of a source are contiguous.
        var hypotheses = Enumerable.Repeat(Array.Empty<int>(), sourceCount).ToList();
        var scores = Enumerable.Repeat(0.0, sourceCount).ToList();
        session.Start(sources);
        var tokens = new int[session.RowCount];
        var candidates = new List<Candidate>();
        var logProbabilities = Array.Empty<double>();
        for (var step = 0; session.RowCount > 0; step++)
        {
            var rowSources = session.RowSources.ToArray();
            if (tokens.Length < rowSources.Length)
            {
                tokens = new int[rowSources.Length];
            }

            for (var r = 0; r < rowSources.Length; r++)
            {
                var s = rowSources[r];
                tokens[r] = step < prompts.Length(s) ? prompts.Token(s, step) : hypotheses[r][^1] + prompts.TargetOffset;
            }

            session.Step(tokens);
            var parents = new List<int>();
            var nextHypotheses = new List<int[]>();
            var nextScores = new List<double>();
            for (var first = 0; first < rowSources.Length;)
            {
                var s = rowSources[first];
                var end = first;
                while (end < rowSources.Length && rowSources[end] == s)
                {
                    end++;
                }

                var generated = step - (prompts.Length(s) - 1);
                if (generated < 0)
                {
                    parents.Add(first);
                    nextHypotheses.Add(hypotheses[first]);
                    nextScores.Add(scores[first]);
                    first = end;
                    continue;
                }

                candidates.Clear();
                for (var r = first; r < end; r++)
                {
                    var logits = session.Logits(r);
                    if (logProbabilities.Length < logits.Length)
                    {
                        logProbabilities = new double[logits.Length];
                    }

                    LogSoftmax(logits, logProbabilities);
                    if (generated == options.MaxLength)
                    {
                        candidates.Add(new Candidate(r, SpecialTokens.EndId, scores[r] + logProbabilities[SpecialTokens.EndId]));
                    }
                    else
                    {
                        AddBest(candidates, r, logProbabilities.AsSpan(0, logits.Length), scores[r], 2 * width);
                    }
                }

                candidates.Sort();
                var live = 0;
                for (var i = 0; i < candidates.Count && live < width && finished[s].Count < width; i++)
                {
                    var candidate = candidates[i];
                    if (candidate.Token == SpecialTokens.EndId)
                    {
                        if (i < width)
                        {
                            finished[s].Add((hypotheses[candidate.Row], candidate.Score / options.Penalty(generated + 1)));
                        }

                        continue;
                    }

                    parents.Add(candidate.Row);
                    nextHypotheses.Add([.. hypotheses[candidate.Row], candidate.Token]);
                    nextScores.Add(candidate.Score);
                    live++;
                }

                if (finished[s].Count >= width)
                {
                    // Done: drop the live candidates just added for this source.
                    parents.RemoveRange(parents.Count - live, live);
                    nextHypotheses.RemoveRange(nextHypotheses.Count - live, live);
                    nextScores.RemoveRange(nextScores.Count - live, live);
                }

                first = end;
            }

            session.Reorder(parents.ToArray());
            hypotheses = nextHypotheses;
            scores = nextScores;
        }

        return [.. finished.Select(list => list.Count == 0 ? [] : list.MaxBy(hypothesis => hypothesis.Score).Tokens)];
    }

    // Appends the `count` best tokens of one row (excluding padding and BOS), highest first, lowest id on a tie.
    private static void AddBest(List<Candidate> candidates, int row, ReadOnlySpan<double> logProbabilities, double score, int count)
    {
        Span<int> best = stackalloc int[count];
        var kept = 0;
        for (var token = 0; token < logProbabilities.Length; token++)
        {
            if (SearchPrompts.IsExcluded(token) || (kept == count && logProbabilities[token] <= logProbabilities[best[kept - 1]]))
            {
                continue;
            }

            var position = Math.Min(kept, count - 1);
            while (position > 0 && logProbabilities[token] > logProbabilities[best[position - 1]])
            {
                best[position] = best[position - 1];
                position--;
            }

            best[position] = token;
            kept = Math.Min(kept + 1, count);
        }

        for (var i = 0; i < kept; i++)
        {
            candidates.Add(new Candidate(row, best[i], score + logProbabilities[best[i]]));
        }
    }

    private static void LogSoftmax(ReadOnlySpan<float> logits, Span<double> output)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        var normalizer = max + Math.Log(sum);
        for (var i = 0; i < logits.Length; i++)
        {
            output[i] = logits[i] - normalizer;
        }
    }

    private readonly record struct Candidate(int Row, int Token, double Score) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other)
        {
            var byScore = other.Score.CompareTo(Score);
            return byScore != 0 ? byScore : Row != other.Row ? Row.CompareTo(other.Row) : Token.CompareTo(other.Token);
        }
    }
}
