// Character-level tokenizer, meant for Chinese targets: one token per Unicode code point seen in the
// training texts. Ids: 0-3 special tokens; with byte fallback, 4-259 the 256 byte values; then the
// characters, most frequent first (ties by code point). A character outside the vocabulary becomes its
// UTF-8 bytes (byte fallback, the default: round trip exact for every string) or the unknown token
// (without fallback: round trip exact for in-vocabulary characters only).
using System.Buffers;
using System.Text;

namespace Ramp.Training.Data.Tokenizers;

/// <summary>Options for building a <see cref="CharacterTokenizer"/>.</summary>
public sealed record CharacterTokenizerOptions
{
    /// <summary>A character must occur at least this many times in the texts to get its own token.</summary>
    public int MinimumCount { get; init; } = 1;

    /// <summary>Largest vocabulary, special and byte tokens included; the rarest characters are left out. Null: no limit.</summary>
    public int? MaximumVocabularySize { get; init; }

    /// <summary>Encode characters outside the vocabulary as UTF-8 byte tokens instead of the unknown token.</summary>
    public bool ByteFallback { get; init; } = true;
}

/// <summary>A tokenizer with one token per character (Unicode code point).</summary>
public sealed class CharacterTokenizer : ITokenizer
{
    private readonly int[] _codePoints;
    private readonly Dictionary<int, int> _idOfCodePoint;

    /// <summary>Creates the tokenizer for a list of characters.</summary>
    /// <param name="characters">Code points, in id order; each one at most once, none a surrogate.</param>
    /// <param name="byteFallback">Whether ids 4-259 are byte tokens used for characters outside the list.</param>
    public CharacterTokenizer(IReadOnlyList<int> characters, bool byteFallback)
    {
        ArgumentNullException.ThrowIfNull(characters);
        ByteFallback = byteFallback;
        _codePoints = [.. characters];
        _idOfCodePoint = new Dictionary<int, int>(_codePoints.Length);
        for (var i = 0; i < _codePoints.Length; i++)
        {
            if (!Rune.IsValid(_codePoints[i]))
                throw new ArgumentException($"Character {i} (U+{_codePoints[i]:X4}) is not a Unicode scalar value; surrogates and values above U+10FFFF are not characters.", nameof(characters));
            if (!_idOfCodePoint.TryAdd(_codePoints[i], FirstCharacterId + i))
                throw new ArgumentException($"Character U+{_codePoints[i]:X4} appears twice; each character has one id.", nameof(characters));
        }
    }

    /// <summary>Builds the vocabulary from <paramref name="texts"/> (e.g. the targets of the training split).</summary>
    public static CharacterTokenizer Build(IEnumerable<string> texts, CharacterTokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new CharacterTokenizerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumCount, 1, nameof(options));
        var reserved = SpecialTokens.Count + (options.ByteFallback ? 256 : 0);
        if (options.MaximumVocabularySize is { } maximum && maximum < reserved)
            throw new ArgumentOutOfRangeException(nameof(options), maximum, $"MaximumVocabularySize must be at least {reserved} (special{(options.ByteFallback ? " and byte" : "")} tokens)");
        var counts = new Dictionary<int, long>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            for (var index = 0; index < text.Length;)
            {
                var rune = ReadRune(text, index, out var width);
                counts[rune.Value] = counts.GetValueOrDefault(rune.Value) + 1;
                index += width;
            }
        }
        var characters = counts
            .Where(pair => pair.Value >= options.MinimumCount)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key)
            .Select(pair => pair.Key)
            .Take(options.MaximumVocabularySize is { } limit ? limit - reserved : int.MaxValue)
            .ToArray();
        return new CharacterTokenizer(characters, options.ByteFallback);
    }

    /// <summary>Whether characters outside the vocabulary are encoded as UTF-8 byte tokens.</summary>
    public bool ByteFallback { get; }

    /// <summary>The id of the first character token.</summary>
    public int FirstCharacterId => SpecialTokens.Count + (ByteFallback ? 256 : 0);

    /// <summary>The characters (code points) in id order, starting at <see cref="FirstCharacterId"/>.</summary>
    public IReadOnlyList<int> Characters => _codePoints;

    /// <inheritdoc/>
    public string Kind => TokenizerFile.CharacterKind;

    /// <inheritdoc/>
    public int VocabularySize => FirstCharacterId + _codePoints.Length;

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
        Span<byte> utf8 = stackalloc byte[4];
        for (var index = 0; index < text.Length;)
        {
            var rune = ReadRune(text, index, out var width);
            index += width;
            if (_idOfCodePoint.TryGetValue(rune.Value, out var id))
            {
                ids.Add(id);
            }
            else if (ByteFallback)
            {
                var written = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..written])
                    ids.Add(SpecialTokens.Count + b);
            }
            else
            {
                ids.Add(SpecialTokens.UnknownId);
            }
        }
    }

    /// <inheritdoc/>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new StringBuilder(ids.Length);
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(ids));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, VocabularySize, nameof(ids));
            if (id >= SpecialTokens.Count && id < FirstCharacterId)
            {
                bytes.Add((byte)(id - SpecialTokens.Count));
                continue;
            }
            FlushBytes(text, bytes);
            if (id >= FirstCharacterId)
                text.Append(new Rune(_codePoints[id - FirstCharacterId]).ToString());
            else if (id == SpecialTokens.UnknownId)
                text.Append('\uFFFD');
        }
        FlushBytes(text, bytes);
        return text.ToString();
    }

    /// <inheritdoc/>
    public void Save(string path) => TokenizerFile.Save(path, this);

    // Byte tokens that do not form valid UTF-8 (a model's output can be anything) decode to U+FFFD.
    private static void FlushBytes(StringBuilder text, List<byte> bytes)
    {
        if (bytes.Count == 0)
            return;
        text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    private static Rune ReadRune(ReadOnlySpan<char> text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out width) != OperationStatus.Done)
            throw new ArgumentException($"Text has an unpaired UTF-16 surrogate at index {index}; only well-formed Unicode can be tokenized.", nameof(text));
        return rune;
    }
}
