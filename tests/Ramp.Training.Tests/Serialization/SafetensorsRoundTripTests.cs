// Writing and reading back float32 safetensors files: names, shapes, offsets, metadata and values survive,
// the header follows the format (8-byte little-endian length, JSON starting with '{', padded with spaces to
// a multiple of 8), and writes are atomic.
using System.Buffers.Binary;
using System.Text;
using Ramp.Training.Serialization;

namespace Ramp.Training.Tests.Serialization;

public sealed class SafetensorsRoundTripTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Tensors_and_metadata_read_back_exactly()
    {
        var path = directory.File("model.safetensors");
        float[] weight = [1.5f, -0f, float.MaxValue, float.Epsilon, 3e-8f, -7f];
        float[] bias = [float.NaN, float.NegativeInfinity, 0.1f];
        using (var writer = SafetensorsWriter.Create(path,
            [new SafetensorsEntry("layer.weight", [2, 3]), new SafetensorsEntry("layer.bias", [3]), new SafetensorsEntry("scale", []), new SafetensorsEntry("empty", [0, 4])],
            new Dictionary<string, string> { ["format"] = "pt", ["note"] = "é ✓" }))
        {
            writer.Write(weight);
            writer.Write(bias.AsSpan(0, 2));
            writer.Write(bias.AsSpan(2));
            writer.Write([2.5f]);
            writer.Commit();
        }

        using var reader = SafetensorsReader.Open(path);
        Assert.Equal("pt", reader.Metadata["format"]);
        Assert.Equal("é ✓", reader.Metadata["note"]);
        Assert.Equal(["layer.weight", "layer.bias", "scale", "empty"], reader.Tensors.Select(tensor => tensor.Name));
        var info = reader.GetInfo("layer.weight");
        Assert.Equal(SafetensorsDataType.F32, info.DataType);
        Assert.Equal([2L, 3L], info.Shape);
        Assert.Equal((0L, 24L), (info.Begin, info.End));
        Assert.Equal(Bits(weight), Bits(reader.ReadSingle("layer.weight")));
        Assert.Equal(Bits(bias), Bits(reader.ReadSingle("layer.bias")));
        Assert.Equal([2.5f], reader.ReadSingle("scale"));
        Assert.Empty(reader.ReadSingle("empty"));
        Assert.Equal(1, reader.GetInfo("scale").ElementCount);
    }

    [Fact]
    public void Header_is_little_endian_length_then_json_padded_to_8_bytes()
    {
        var path = directory.File("header.safetensors");
        using (var writer = SafetensorsWriter.Create(path, [new SafetensorsEntry("x", [1])]))
        {
            writer.Write([1f]);
            writer.Commit();
        }
        var bytes = File.ReadAllBytes(path);
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, length % 8);
        Assert.Equal(8 + length + 4, bytes.Length);
        var header = Encoding.UTF8.GetString(bytes, 8, length);
        Assert.StartsWith("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", header, StringComparison.Ordinal);
        Assert.EndsWith("}", header.TrimEnd(' '), StringComparison.Ordinal);
    }

    [Fact]
    public void An_abandoned_write_leaves_the_previous_file_and_no_temporary_behind()
    {
        var path = directory.File("weights.safetensors");
        using (var writer = SafetensorsWriter.Create(path, [new SafetensorsEntry("x", [2])]))
        {
            writer.Write([1f, 2f]);
            writer.Commit();
        }
        var before = File.ReadAllBytes(path);
        using (var writer = SafetensorsWriter.Create(path, [new SafetensorsEntry("x", [2])]))
        {
            writer.Write([3f]);
            Assert.Throws<InvalidOperationException>(writer.Commit);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Writing_more_values_than_declared_is_refused()
    {
        using var writer = SafetensorsWriter.Create(directory.File("over.safetensors"), [new SafetensorsEntry("x", [2])]);
        Assert.Throws<InvalidOperationException>(() => writer.Write([1f, 2f, 3f]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("__metadata__")]
    public void Reserved_or_empty_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => SafetensorsWriter.Create(directory.File("bad.safetensors"), [new SafetensorsEntry(name, [1])]));

    [Fact]
    public void Repeated_names_are_refused_before_any_file_is_created()
    {
        var path = directory.File("twice.safetensors");
        Assert.Throws<ArgumentException>(() => SafetensorsWriter.Create(path, [new SafetensorsEntry("x", [1]), new SafetensorsEntry("x", [1])]));
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
