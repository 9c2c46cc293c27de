// Reads the PyTorch 1.13 golden files written by tools/fixtures/model.py (Fixtures/model/, copied next to the
// test assembly): the config and batch of a case, its logits and loss, and safetensors files of weights,
// gradients and weights after optimizer steps, read into blocks with the model's layout.
using System.Text.Json;
using Ramp.Training.Data.Batching;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Serialization;
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Models;

internal sealed class ModelFixture
{
    private readonly string _name;

    private ModelFixture(string name, JsonElement root)
    {
        _name = name;
        Root = root;
    }

    public JsonElement Root { get; }

    public static ModelFixture Load(string name)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(PathOf(name + ".json")));
        return new ModelFixture(name, document.RootElement.Clone());
    }

    public TransformerModel CreateModel()
    {
        var config = Root.GetProperty("config");
        var modelConfig = new ModelConfig
        {
            Architecture = config.GetProperty("architecture").GetString()!,
            Norm = config.GetProperty("norm").GetString()!,
            EncoderLayers = config.GetProperty("encoder_layers").GetInt32(),
            DecoderLayers = config.GetProperty("decoder_layers").GetInt32(),
            DModel = config.GetProperty("d_model").GetInt32(),
            Heads = config.GetProperty("heads").GetInt32(),
            DFf = config.GetProperty("d_ff").GetInt32(),
            Dropout = 0,
            AttentionDropout = 0,
            Activation = config.GetProperty("activation").GetString()!,
            TiedEmbeddings = config.GetProperty("tied").GetBoolean(),
            Positions = config.GetProperty("positions").GetString()!,
            MaxPositions = config.GetProperty("max_positions").GetInt32(),
        };
        var model = new TransformerModel(
            modelConfig, config.GetProperty("source_vocabulary").GetInt32(), config.GetProperty("target_vocabulary").GetInt32(), 0);
        model.LoadWeights(File("weights"));
        return model;
    }

    public Batch Batch()
    {
        var pairs = Root.GetProperty("pairs").EnumerateArray()
            .Select(pair => new TokenizedPair(Ints(pair.GetProperty("source")), Ints(pair.GetProperty("target"))))
            .ToArray();
        return new Batcher(pairs, new BatchingOptions()).CreateBatch([.. Enumerable.Range(0, pairs.Length)]);
    }

    public float[] Floats(string name) => [.. Root.GetProperty(name).EnumerateArray().Select(element => element.GetSingle())];

    // A safetensors file of this case (weights, gradients, or an optimizer's name) as a block in the model's layout.
    public float[] Tensors(string suffix, ParameterLayout layout)
    {
        var values = new float[layout.Length];
        WeightsFile.Load(File(suffix), layout, values);
        return values;
    }

    private string File(string suffix) => PathOf($"{_name}.{suffix}.safetensors");

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "model", file);

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(element => element.GetInt32())];
}
