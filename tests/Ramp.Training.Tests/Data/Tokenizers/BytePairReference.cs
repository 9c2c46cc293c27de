// The slow, obvious twin of BytePairTrainer: recount every pair of every word before each merge, pick the
// most frequent (ties: smaller left id, then smaller right id), merge it everywhere. The fast trainer must
// learn exactly the same merges.
using System.Text;
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Tokenizers;

internal static class BytePairReference
{
    public static List<(int Left, int Right)> Train(IEnumerable<string> texts, int vocabularySize, int minimumPairFrequency)
    {
        var words = new List<(List<int> Symbols, long Count)>();
        var pieces = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            for (var start = 0; start < text.Length;)
            {
                var end = PreTokenizer.NextPiece(text, start);
                var piece = text[start..end];
                pieces[piece] = pieces.GetValueOrDefault(piece) + 1;
                start = end;
            }
        }
        foreach (var (piece, count) in pieces)
            words.Add((Encoding.UTF8.GetBytes(piece).Select(b => BytePairTokenizer.FirstByteId + b).ToList(), count));

        var merges = new List<(int, int)>();
        while (BytePairTokenizer.FirstMergeId + merges.Count < vocabularySize)
        {
            var counts = new Dictionary<(int, int), long>();
            foreach (var (symbols, count) in words)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                    counts[(symbols[i], symbols[i + 1])] = counts.GetValueOrDefault((symbols[i], symbols[i + 1])) + count;
            }
            if (counts.Count == 0)
                break;
            var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).First();
            if (best.Value < minimumPairFrequency)
                break;
            var merged = BytePairTokenizer.FirstMergeId + merges.Count;
            merges.Add(best.Key);
            foreach (var (symbols, _) in words)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                {
                    if (symbols[i] == best.Key.Item1 && symbols[i + 1] == best.Key.Item2)
                    {
                        symbols[i] = merged;
                        symbols.RemoveAt(i + 1);
                    }
                }
            }
        }
        return merges;
    }
}
