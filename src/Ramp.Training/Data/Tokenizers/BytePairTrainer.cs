// Learns byte-pair merges. The texts are split into pieces (PreTokenizer) and counted; each distinct
// piece is a "word" of byte ids weighted by its count. Each step merges the most frequent adjacent pair,
// ties going to the smaller (left id, right id), so the result depends only on the multiset of texts,
// not on their order or on hashing. Pair counts are updated incrementally: only the words holding the
// merged pair are rewritten, and a priority queue with lazy deletion finds the next best pair.
using System.Text;

namespace Ramp.Training.Data.Tokenizers;

internal static class BytePairTrainer
{
    private sealed class BestPairFirst : IComparer<(long Count, long Key)>
    {
        public static readonly BestPairFirst Instance = new();

        public int Compare((long Count, long Key) x, (long Count, long Key) y)
            => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Key.CompareTo(y.Key);
    }

    public static List<(int Left, int Right)> Train(IEnumerable<string> texts, int vocabularySize, int minimumPairFrequency)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (vocabularySize < BytePairTokenizer.FirstMergeId)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"expected at least {BytePairTokenizer.FirstMergeId} (4 special and 256 byte tokens)");
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPairFrequency, 1);

        var (words, weights) = CountPieces(texts);
        var lengths = words.Select(word => word.Length).ToArray();
        var pairCounts = new Dictionary<long, long>();
        var pairWords = new Dictionary<long, List<int>>();
        for (var w = 0; w < words.Length; w++)
        {
            for (var i = 0; i + 1 < lengths[w]; i++)
            {
                var key = BytePairTokenizer.PairKey(words[w][i], words[w][i + 1]);
                pairCounts[key] = pairCounts.GetValueOrDefault(key) + weights[w];
                AddWord(pairWords, key, w);
            }
        }
        var queue = new PriorityQueue<long, (long Count, long Key)>(BestPairFirst.Instance);
        foreach (var (key, count) in pairCounts)
            queue.Enqueue(key, (count, key));

        var merges = new List<(int Left, int Right)>();
        var visited = new int[words.Length];
        var delta = new Dictionary<long, long>();
        while (BytePairTokenizer.FirstMergeId + merges.Count < vocabularySize && queue.TryDequeue(out var best, out var priority))
        {
            if (!pairCounts.TryGetValue(best, out var current) || current != priority.Count)
                continue;
            if (current < minimumPairFrequency)
                break;
            var left = (int)(best >> 32);
            var right = (int)(uint)best;
            var merged = BytePairTokenizer.FirstMergeId + merges.Count;
            merges.Add((left, right));
            delta.Clear();
            foreach (var w in pairWords[best])
            {
                if (visited[w] == merged)
                    continue;
                visited[w] = merged;
                lengths[w] = Merge(words[w], lengths[w], left, right, merged, weights[w], delta);
                var word = words[w];
                for (var i = 0; i + 1 < lengths[w]; i++)
                {
                    // Only pairs with the new id are new to this word; the others already list it.
                    if (word[i] == merged || word[i + 1] == merged)
                        AddWord(pairWords, BytePairTokenizer.PairKey(word[i], word[i + 1]), w);
                }
            }
            pairWords.Remove(best);
            pairCounts.Remove(best);
            foreach (var (key, change) in delta)
            {
                if (change == 0 || key == best)
                    continue;
                var count = pairCounts.GetValueOrDefault(key) + change;
                if (count <= 0)
                {
                    pairCounts.Remove(key);
                    continue;
                }
                pairCounts[key] = count;
                queue.Enqueue(key, (count, key));
            }
        }
        return merges;
    }

    // Merges (left, right) in place, left to right, and records how the counts of the neighbouring pairs change:
    // for an occurrence between p and n, (p, left) and (right, n) lose the word's weight, (p, merged) and
    // (merged, n) gain it. p is read after earlier merges in the same pass and n before, so back-to-back
    // occurrences ("abab") cancel their shared (merged, left) change and yield (merged, merged).
    private static int Merge(int[] word, int length, int left, int right, int merged, long weight, Dictionary<long, long> delta)
    {
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            if (read + 1 < length && word[read] == left && word[read + 1] == right)
            {
                if (write > 0)
                {
                    Add(delta, BytePairTokenizer.PairKey(word[write - 1], left), -weight);
                    Add(delta, BytePairTokenizer.PairKey(word[write - 1], merged), weight);
                }
                if (read + 2 < length)
                {
                    Add(delta, BytePairTokenizer.PairKey(right, word[read + 2]), -weight);
                    Add(delta, BytePairTokenizer.PairKey(merged, word[read + 2]), weight);
                }
                word[write++] = merged;
                read++;
            }
            else
            {
                word[write++] = word[read];
            }
        }
        return write;
    }

    private static (int[][] Words, long[] Weights) CountPieces(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            for (var start = 0; start < text.Length;)
            {
                var end = PreTokenizer.NextPiece(text, start);
                var piece = text.AsSpan(start, end - start);
                lookup[piece] = lookup.TryGetValue(piece, out var count) ? count + 1 : 1;
                start = end;
            }
        }
        var pieces = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        var words = new int[pieces.Length][];
        var weights = new long[pieces.Length];
        for (var w = 0; w < pieces.Length; w++)
        {
            var bytes = Encoding.UTF8.GetBytes(pieces[w]);
            words[w] = [.. bytes.Select(b => BytePairTokenizer.FirstByteId + b)];
            weights[w] = counts[pieces[w]];
        }
        return (words, weights);
    }

    private static void Add(Dictionary<long, long> delta, long key, long change)
        => delta[key] = delta.GetValueOrDefault(key) + change;

    private static void AddWord(Dictionary<long, List<int>> pairWords, long key, int word)
    {
        if (!pairWords.TryGetValue(key, out var list))
            pairWords.Add(key, list = []);
        if (list.Count == 0 || list[^1] != word)
            list.Add(word);
    }
}
