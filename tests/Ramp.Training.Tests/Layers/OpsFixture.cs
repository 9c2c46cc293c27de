// Reads the PyTorch 1.13 golden files written by tools/fixtures/ops.py (Fixtures/ops/*.json, copied next to
// the test assembly) and compares tensors within float32 tolerance.
using System.Text.Json;

namespace Ramp.Training.Tests.Layers;

internal sealed class OpsFixture
{
    private readonly JsonElement _sizes;
    private readonly JsonElement _tensors;

    private OpsFixture(JsonElement root)
    {
        _sizes = root.GetProperty("sizes");
        _tensors = root.GetProperty("tensors");
    }

    public static OpsFixture Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new OpsFixture(document.RootElement.Clone());
    }

    public int Size(string name) => _sizes.GetProperty(name).GetInt32();

    public float Number(string name) => _sizes.GetProperty(name).GetSingle();

    public float[] Floats(string name)
    {
        var array = _tensors.GetProperty(name);
        var values = new float[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            values[i++] = element.GetSingle();
        }

        return values;
    }

    public int[] Ints(string name)
    {
        var array = _tensors.GetProperty(name);
        var values = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            values[i++] = element.GetInt32();
        }

        return values;
    }

    // |actual - expected| <= absolute + relative·|expected| element-wise. The defaults allow a few float32
    // roundings of values of order 1 in a different summation order than PyTorch's.
    public static void AssertClose(string name, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double absolute = 1e-5, double relative = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)actual[i] - expected[i]);
            Assert.True(
                error <= absolute + (relative * Math.Abs(expected[i])),
                $"{name}[{i}]: expected {expected[i]:G9} (PyTorch), got {actual[i]:G9}.");
        }
    }
}
