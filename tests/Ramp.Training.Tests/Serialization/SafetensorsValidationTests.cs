// Files that break the safetensors format are refused when opened, each with a one-line message that says
// what is wrong (the checks of the reference implementation: header size, JSON, dtypes, sizes, and data
// ranges that tile the buffer with no overlap, no hole and no overrun).
using Ramp.Training.Serialization;

namespace Ramp.Training.Tests.Serialization;

public sealed class SafetensorsValidationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, string, int, string> BadHeaders => new()
    {
        { "not json", "{\"a\": ", 0, "not valid UTF-8 JSON" },
        { "array root", "[1, 2]", 0, "does not start with '{'" },
        { "unknown dtype", "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1, "dtype 'F8_E4M3'; known dtypes are BOOL, U8" },
        { "size mismatch", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "needs 8 bytes but data_offsets [0, 4] span 4" },
        { "overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "bytes [4, 8) overlap tensor 'a' [0, 8)" },
        { "hole", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12, "starts at byte 8, leaving a hole after byte 4" },
        { "trailing bytes", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 6, "cover 4 bytes but the data buffer holds 6" },
        { "past the end", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4, "cover 8 bytes but the data buffer holds 4" },
        { "repeated key", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "repeats the key 'a'" },
        { "metadata not strings", "{\"__metadata__\":{\"epoch\":3}}", 0, "__metadata__ entry 'epoch' is Number, not a string" },
        { "negative dimension", "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "shape entry -1; expected a non-negative integer" },
        { "reversed offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4, "expected [begin, end] with begin <= end" },
        { "missing field", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 0, "tensor 'a' lacks data_offsets" },
        { "overflowing shape", "{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8, "whose size overflows" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void A_malformed_header_is_refused_with_a_one_line_reason(string label, string header, int dataBytes, string reason)
    {
        var path = directory.WriteRaw(label.Replace(' ', '_') + ".safetensors", header, new byte[dataBytes]);
        var error = Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(path));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_length_prefix_is_refused()
    {
        var path = directory.File("short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("shorter than the 8-byte header length", Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_beyond_the_file_or_the_limit_is_refused()
    {
        var beyond = directory.WriteRaw("beyond.safetensors", "{}", declaredHeaderLength: 50);
        Assert.Contains("runs past the end", Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(beyond)).Message, StringComparison.Ordinal);
        var huge = directory.WriteRaw("huge.safetensors", "{}", declaredHeaderLength: ulong.MaxValue);
        Assert.Contains("exceeds the 100000000-byte limit", Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(huge)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_an_empty_file_of_tensors_is_valid()
    {
        var path = directory.WriteRaw("extra.safetensors", "{\"a\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8],\"comment\":\"x\"}}   ", [1, 0, 0, 0, 255, 255, 255, 255]);
        using (var reader = SafetensorsReader.Open(path))
        {
            Assert.Equal([1L, -1L], reader.ReadInt64("a"));
        }
        using var empty = SafetensorsReader.Open(directory.WriteRaw("empty.safetensors", "{}"));
        Assert.Empty(empty.Tensors);
        Assert.Empty(empty.Metadata);
    }
}
