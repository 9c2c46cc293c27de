// Reading a file not written by Ramp: Fixtures/optimizers/reference.safetensors, written by
// tools/fixtures/optimizers.py byte by byte per the format (the python safetensors package is not available
// there), with values from PyTorch 1.13 in F32, BF16, F16 and I64, a scalar and an empty tensor, a
// __metadata__ entry, and header keys in another order than the data. Expected values: reference.json,
// decoded by PyTorch.
using System.Text.Json;
using Ramp.Training.Serialization;
using Ramp.Training.Tests.Optimizers;

namespace Ramp.Training.Tests.Serialization;

public sealed class SafetensorsReferenceFileTests
{
    private static readonly JsonElement Expected = OptimizerFixture.Read("reference.json");

    public static TheoryData<string> FloatTensors => ["model.layers.0.weight", "model.embed.weight", "half", "scalar", "empty"];

    [Fact]
    public void Metadata_and_tensor_order_come_from_the_file()
    {
        using var reader = SafetensorsReader.Open(OptimizerFixture.PathOf("reference.safetensors"));
        Assert.Equal("pt", reader.Metadata["format"]);
        Assert.Equal(Expected.GetProperty("metadata").GetProperty("source").GetString(), reader.Metadata["source"]);
        Assert.Equal(["model.embed.weight", "model.layers.0.weight", "position_ids", "half", "empty", "scalar"],
            reader.Tensors.Select(tensor => tensor.Name));
    }

    [Theory]
    [MemberData(nameof(FloatTensors))]
    public void Float_tensors_decode_to_pytorchs_float32_values(string name)
    {
        using var reader = SafetensorsReader.Open(OptimizerFixture.PathOf("reference.safetensors"));
        var expected = Expected.GetProperty("tensors").GetProperty(name);
        var info = reader.GetInfo(name);
        Assert.Equal(expected.GetProperty("dtype").GetString(), info.DataType.HeaderName());
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt64()), info.Shape);
        Assert.Equal(OptimizerFixture.Floats(expected.GetProperty("values")), reader.ReadSingle(name));
    }

    [Fact]
    public void Int64_tensor_decodes_exactly()
    {
        using var reader = SafetensorsReader.Open(OptimizerFixture.PathOf("reference.safetensors"));
        var expected = Expected.GetProperty("tensors").GetProperty("position_ids").GetProperty("values").EnumerateArray().Select(value => value.GetInt64());
        Assert.Equal(expected, reader.ReadInt64("position_ids"));
    }

    [Fact]
    public void Reading_a_tensor_as_the_wrong_kind_or_a_missing_name_says_what_is_there()
    {
        using var reader = SafetensorsReader.Open(OptimizerFixture.PathOf("reference.safetensors"));
        Assert.Contains("is I64; ReadSingle reads F32, F16, BF16 and F64",
            Assert.Throws<ArgumentException>(() => reader.ReadSingle("position_ids")).Message, StringComparison.Ordinal);
        Assert.Contains("is F32; ReadInt64 reads I64 and I32",
            Assert.Throws<ArgumentException>(() => reader.ReadInt64("scalar")).Message, StringComparison.Ordinal);
        Assert.Contains("no tensor named 'missing' (it holds 6: model.embed.weight, model.layers.0.weight",
            Assert.Throws<ArgumentException>(() => reader.GetInfo("missing")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => reader.ReadSingle("half", new float[3]));
    }
}
