// Byte-level byte-pair encoding (BPE). Ids: 0-3 special tokens, 4-259 the 256 byte values, then one id per
// merge in the order the merges were learned (id = 260 + rank). Text is split into pieces (PreTokenizer),
// each piece's UTF-8 bytes become byte tokens, and merges are applied lowest rank first, each to every
// occurrence from left to right: the segmentation training produced. Every string of well-formed Unicode
// encodes without unknown tokens, and Decode(Encode(x)) == x.
using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Ramp.Training.Data.Tokenizers;

/// <summary>A byte-level BPE tokenizer.</summary>
public sealed class BytePairTokenizer : ITokenizer
{
    /// <summary>The id of byte value 0; byte b has id <c>FirstByteId + b</c>.</summary>
    public const int FirstByteId = SpecialTokens.Count;

    /// <summary>The id of the first merge; merge r has id <c>FirstMergeId + r</c>.</summary>
    public const int FirstMergeId = FirstByteId + 256;

    private const int CacheLimit = 1 << 18;

    private readonly (int Left, int Right)[] _merges;
    private readonly Dictionary<long, int> _rankOfPair;
    private readonly byte[][] _tokenBytes;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cacheBySpan;
    private int _cacheCount;

    /// <summary>Creates the tokenizer from learned merges (see <see cref="Train"/>).</summary>
    /// <param name="merges">Pairs of ids, in rank order; each id must exist before its merge (not special).</param>
    public BytePairTokenizer(IReadOnlyList<(int Left, int Right)> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        _merges = [.. merges];
        _rankOfPair = new Dictionary<long, int>(_merges.Length);
        _tokenBytes = new byte[FirstMergeId + _merges.Length][];
        for (var b = 0; b < 256; b++)
            _tokenBytes[FirstByteId + b] = [(byte)b];
        for (var rank = 0; rank < _merges.Length; rank++)
        {
            var (left, right) = _merges[rank];
            var limit = FirstMergeId + rank;
            if (left < FirstByteId || left >= limit || right < FirstByteId || right >= limit)
                throw new ArgumentException($"Merge {rank} ({left}, {right}) refers to an id outside [{FirstByteId}, {limit}); a merge may only join byte or earlier merge ids.", nameof(merges));
            if (!_rankOfPair.TryAdd(PairKey(left, right), rank))
                throw new ArgumentException($"Merge {rank} ({left}, {right}) repeats an earlier merge; each pair may be merged once.", nameof(merges));
            _tokenBytes[limit] = [.. _tokenBytes[left], .. _tokenBytes[right]];
        }
        _cacheBySpan = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Learns merges from <paramref name="texts"/> until the vocabulary has <paramref name="vocabularySize"/> ids.</summary>
    /// <param name="texts">Training texts, e.g. one side of the training split.</param>
    /// <param name="vocabularySize">Target vocabulary size, special and byte tokens included (at least 260).</param>
    /// <param name="minimumPairFrequency">
    /// Stop early when the most frequent pair occurs fewer times than this; merging a pair seen once only memorises it.
    /// </param>
    public static BytePairTokenizer Train(IEnumerable<string> texts, int vocabularySize, int minimumPairFrequency = 2)
        => new(BytePairTrainer.Train(texts, vocabularySize, minimumPairFrequency));

    /// <inheritdoc/>
    public string Kind => TokenizerFile.BytePairKind;

    /// <inheritdoc/>
    public int VocabularySize => _tokenBytes.Length;

    /// <summary>The learned merges in rank order; merge r creates id <c>FirstMergeId + r</c>.</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => _merges;

    /// <summary>The bytes a token stands for (empty for the special tokens).</summary>
    public ReadOnlySpan<byte> GetTokenBytes(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, VocabularySize);
        return id < FirstByteId ? [] : _tokenBytes[id];
    }

    /// <inheritdoc/>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length);
        Encode(text, ids);
        return [.. ids];
    }

    /// <inheritdoc/>
    public void Encode(ReadOnlySpan<char> text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        for (var start = 0; start < text.Length;)
        {
            var end = PreTokenizer.NextPiece(text, start);
            var piece = text[start..end];
            if (!_cacheBySpan.TryGetValue(piece, out var pieceIds))
            {
                pieceIds = EncodePiece(piece);
                // ConcurrentDictionary.Count takes every lock, so the cache keeps its own count.
                if (Volatile.Read(ref _cacheCount) < CacheLimit && _cacheBySpan.TryAdd(piece, pieceIds))
                    Interlocked.Increment(ref _cacheCount);
            }
            ids.AddRange(pieceIds);
            start = end;
        }
    }

    /// <inheritdoc/>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>(ids.Length * 4);
        foreach (var id in ids)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(ids));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, VocabularySize, nameof(ids));
            if (id == SpecialTokens.UnknownId)
                bytes.AddRange("\uFFFD"u8);
            else if (id >= FirstByteId)
                bytes.AddRange(_tokenBytes[id]);
        }
        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes));
    }

    /// <inheritdoc/>
    public void Save(string path) => TokenizerFile.Save(path, this);

    internal static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    private int[] EncodePiece(ReadOnlySpan<char> piece)
    {
        Span<byte> buffer = stackalloc byte[PreTokenizer.MaximumPieceLength * 3];
        var status = Utf8.FromUtf16(piece, buffer, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
            throw new ArgumentException($"Text has an unpaired UTF-16 surrogate near '{piece[read..]}'; only well-formed Unicode can be tokenized.", nameof(piece));
        var symbols = new int[written];
        for (var i = 0; i < written; i++)
            symbols[i] = FirstByteId + buffer[i];
        var length = written;
        while (length > 1)
        {
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < length; i++)
            {
                if (_rankOfPair.TryGetValue(PairKey(symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                    bestRank = rank;
            }
            if (bestRank == int.MaxValue)
                break;
            length = MergeInPlace(symbols, length, _merges[bestRank].Left, _merges[bestRank].Right, FirstMergeId + bestRank);
        }
        return symbols.AsSpan(0, length).ToArray();
    }

    /// <summary>Replaces each (left, right) occurrence, scanning left to right, by <paramref name="merged"/>; returns the new length.</summary>
    internal static int MergeInPlace(int[] symbols, int length, int left, int right, int merged)
    {
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            if (read + 1 < length && symbols[read] == left && symbols[read + 1] == right)
            {
                symbols[write++] = merged;
                read++;
            }
            else
            {
                symbols[write++] = symbols[read];
            }
        }
        return write;
    }
}
