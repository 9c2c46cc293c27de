// Saves and loads tokenizers as JSON, so that a run directory carries the exact vocabulary it trained with.
//   {"format": "ramp-tokenizer", "version": 1, "kind": "byte-bpe", "specialTokens": [...],
//    "preTokenizer": "ramp-pieces-1", "merges": [[left, right], ...]}
//   {"format": "ramp-tokenizer", "version": 1, "kind": "character", "specialTokens": [...],
//    "byteFallback": true, "characters": ["的", "是", ...]}
// Merges are id pairs (ids as in BytePairTokenizer); characters are strings of one code point, in id order.
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ramp.Training.Data.Tokenizers;

/// <summary>Reads and writes tokenizer files.</summary>
public static class TokenizerFile
{
    /// <summary>The kind of <see cref="BytePairTokenizer"/>.</summary>
    public const string BytePairKind = "byte-bpe";

    /// <summary>The kind of <see cref="CharacterTokenizer"/>.</summary>
    public const string CharacterKind = "character";

    private const string Format = "ramp-tokenizer";
    private const int Version = 1;
    private const string PreTokenizerName = "ramp-pieces-1";

    /// <summary>Loads a tokenizer saved by <see cref="ITokenizer.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a tokenizer file this version can read.</exception>
    public static ITokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
                throw Invalid(path, $"not a tokenizer file (expected \"format\": \"{Format}\")");
            if (root.GetProperty("version").GetInt32() != Version)
                throw Invalid(path, $"version {root.GetProperty("version")} is not supported (expected {Version})");
            var specials = root.GetProperty("specialTokens").EnumerateArray().Select(token => token.GetString()).ToArray();
            if (!specials.SequenceEqual(SpecialTokens.Names))
                throw Invalid(path, $"special tokens [{string.Join(", ", specials)}] differ from [{string.Join(", ", SpecialTokens.Names)}]");
            var kind = root.GetProperty("kind").GetString();
            switch (kind)
            {
                case BytePairKind:
                    if (root.GetProperty("preTokenizer").GetString() != PreTokenizerName)
                        throw Invalid(path, $"pre-tokenizer '{root.GetProperty("preTokenizer")}' is not supported (expected {PreTokenizerName})");
                    var merges = root.GetProperty("merges").EnumerateArray()
                        .Select(pair => (pair[0].GetInt32(), pair[1].GetInt32())).ToList();
                    return new BytePairTokenizer(merges);
                case CharacterKind:
                    var characters = root.GetProperty("characters").EnumerateArray()
                        .Select(character => SingleCodePoint(path, character.GetString())).ToList();
                    return new CharacterTokenizer(characters, root.GetProperty("byteFallback").GetBoolean());
                default:
                    throw Invalid(path, $"kind '{kind}' is unknown (expected {BytePairKind} or {CharacterKind})");
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException
            or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw Invalid(path, exception.Message, exception);
        }
    }

    internal static void Save(string path, BytePairTokenizer tokenizer)
        => Write(path, BytePairKind, writer =>
        {
            writer.WriteString("preTokenizer", PreTokenizerName);
            writer.WriteStartArray("merges");
            foreach (var (left, right) in tokenizer.Merges)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(left);
                writer.WriteNumberValue(right);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        });

    internal static void Save(string path, CharacterTokenizer tokenizer)
        => Write(path, CharacterKind, writer =>
        {
            writer.WriteBoolean("byteFallback", tokenizer.ByteFallback);
            writer.WriteStartArray("characters");
            foreach (var codePoint in tokenizer.Characters)
                writer.WriteStringValue(new Rune(codePoint).ToString());
            writer.WriteEndArray();
        });

    private static void Write(string path, string kind, Action<Utf8JsonWriter> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream =>
        {
            var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var writer = new Utf8JsonWriter(stream, options);
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("kind", kind);
            writer.WriteStartArray("specialTokens");
            foreach (var name in SpecialTokens.Names)
                writer.WriteStringValue(name);
            writer.WriteEndArray();
            body(writer);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
        });
    }

    private static int SingleCodePoint(string path, string? text)
    {
        if (text is null || Rune.DecodeFromUtf16(text, out var rune, out var width) != OperationStatus.Done || width != text.Length)
            throw Invalid(path, $"character entry '{text}' is not exactly one Unicode character");
        return rune.Value;
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null)
        => new($"{path}: {problem}", inner);
}
