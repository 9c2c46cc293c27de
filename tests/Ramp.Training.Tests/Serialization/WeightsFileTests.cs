// Model weights as safetensors: one tensor per named parameter, under its PyTorch name and shape, loaded
// strictly (every parameter present with its shape, nothing else) into the flat block.
using Ramp.Training.Optimizers;
using Ramp.Training.Serialization;

namespace Ramp.Training.Tests.Serialization;

public sealed class WeightsFileTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    // Padding between parameters (offsets 12..15) is part of the block but of no tensor.
    private static readonly ParameterLayout Layout = new(
    [
        new ParameterEntry("encoder.layers.0.linear1.weight", 0, [4, 3]),
        new ParameterEntry("encoder.layers.0.linear1.bias", 16, [4]),
        new ParameterEntry("encoder.norm.weight", 20, [4]),
    ], length: 24);

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Weights_round_trip_under_their_names_and_shapes()
    {
        var path = directory.File("model.safetensors");
        var parameters = Enumerable.Range(0, 24).Select(i => i * 0.25f - 2f).ToArray();
        WeightsFile.Save(path, Layout, parameters, new Dictionary<string, string> { ["step"] = "100" });

        using (var reader = SafetensorsReader.Open(path))
        {
            Assert.Equal("pt", reader.Metadata["format"]);
            Assert.Equal("100", reader.Metadata["step"]);
            Assert.Equal(Layout.Entries.Select(entry => entry.Name), reader.Tensors.Select(tensor => tensor.Name));
            Assert.Equal([4L, 3L], reader.GetInfo("encoder.layers.0.linear1.weight").Shape);
            Assert.Equal(parameters[16..20], reader.ReadSingle("encoder.layers.0.linear1.bias"));
        }

        var loaded = Enumerable.Repeat(-9f, 24).ToArray();
        WeightsFile.Load(path, Layout, loaded);
        Assert.Equal(parameters[..12], loaded[..12]);
        Assert.Equal(parameters[16..], loaded[16..]);
        Assert.All(loaded[12..16], value => Assert.Equal(-9f, value));
    }

    [Fact]
    public void A_missing_parameter_is_named_and_nothing_is_loaded()
    {
        var path = directory.File("partial.safetensors");
        var partial = new ParameterLayout([Layout.Entries[0], Layout.Entries[1]], length: 24);
        WeightsFile.Save(path, partial, new float[24]);
        var target = Enumerable.Repeat(5f, 24).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(path, Layout, target));
        Assert.Contains("missing parameter 'encoder.norm.weight' [4]", error.Message, StringComparison.Ordinal);
        Assert.All(target, value => Assert.Equal(5f, value));
    }

    [Fact]
    public void A_parameter_of_another_shape_is_refused()
    {
        var path = directory.File("transposed.safetensors");
        var transposed = new ParameterLayout([Layout.Entries[0] with { Shape = [3, 4] }, Layout.Entries[1], Layout.Entries[2]], length: 24);
        WeightsFile.Save(path, transposed, new float[24]);
        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(path, Layout, new float[24]));
        Assert.Contains("'encoder.layers.0.linear1.weight' has shape [3, 4]; the layout expects [4, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_the_layout_lacks_is_refused()
    {
        var path = directory.File("extra.safetensors");
        var larger = new ParameterLayout([.. Layout.Entries, new ParameterEntry("decoder.extra", 24, [2])]);
        WeightsFile.Save(path, larger, new float[26]);
        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(path, Layout, new float[24]));
        Assert.Contains("tensor 'decoder.extra' is not a parameter of the layout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_of_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => WeightsFile.Save(directory.File("x.safetensors"), Layout, new float[23]));
}
