// Training configs: YAML and JSON files over the defaults, dotted flag overrides, strict field names with
// suggestions, type and range errors in one line, and an exact JSON round trip for the run directory.
using Ramp.Training.Training;

namespace Ramp.Training.Tests.Training;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-config-").FullName;

    private static readonly KeyValuePair<string, string>[] ConstantSchedule = [new("schedule", "constant(value=0.5)")];

    [Fact]
    public void Yaml_file_overrides_defaults_and_keeps_the_rest()
    {
        var path = Write("run.yaml", """
            model:
              norm: pre
              d_model: 128
              heads: 8
            optimizer:
              betas: [0.9, 0.999]
            schedule: "constant(value=0.5)"
            training:
              steps: 300
            """);

        var config = ConfigLoader.Load(path, []);

        Assert.Equal("pre", config.Model.Norm);
        Assert.Equal(128, config.Model.DModel);
        Assert.Equal(8, config.Model.Heads);
        Assert.Equal([0.9, 0.999], config.Optimizer.Betas);
        Assert.Equal(300, config.Training.Steps);
        Assert.Equal(0.1, config.Model.Dropout);
    }

    [Fact]
    public void Json_file_and_flags_combine_with_flags_last()
    {
        var path = Write("run.json", """{ "model": { "d_model": 128, "heads": 4 }, "schedule": "constant(value=0.5)" }""");

        var config = ConfigLoader.Load(path, [new("model.d_model", "64"), new("training.clip", "0"), new("model.tied-embeddings", "false")]);

        Assert.Equal(64, config.Model.DModel);
        Assert.Equal(0, config.Training.Clip);
        Assert.False(config.Model.TiedEmbeddings);
    }

    [Fact]
    public void Group_schedules_take_free_group_names_from_flags()
    {
        var config = ConfigLoader.Load(null, [.. ConstantSchedule, new("group_schedules.no_decay", "constant(value=1)")]);

        Assert.Equal("constant(value=1)", config.GroupSchedules["no_decay"]);
    }

    [Theory]
    [InlineData("model.d_modle", "1", "config: unknown field 'model.d_modle'; did you mean d_model?")]
    [InlineData("modle.d_model", "1", "config: unknown field 'modle.d_model'; did you mean model?")]
    [InlineData("model.d_model", "wide", "config: model.d_model='wide' is not a number")]
    [InlineData("model.d_model", "2.5", "config: model.d_model=2.5 has the wrong type; expected an integer")]
    [InlineData("model.heads", "3", "config: model.heads=3 must divide model.d_model=256")]
    [InlineData("model.norm", "middle", "config: model.norm='middle' is not allowed; allowed: one of 'post', 'pre'")]
    [InlineData("model.dropout", "1.5", "config: model.dropout=1.5 is not allowed; allowed: [0, 1)")]
    [InlineData("model.tied_embeddings", "maybe", "config: model.tied_embeddings='maybe' is not allowed; allowed: true or false")]
    [InlineData("model.positions", "rotary", "config: model.positions='rotary' is not allowed; allowed: one of 'sinusoidal', 'learned'")]
    [InlineData("model.max_positions", "64", "config: model.max_positions=64 is too small for data.max_length=64; allowed: at least 65")]
    [InlineData("schedule", "constant(value=-1)", "config: schedule: at 15: constant: value=-1 is not allowed; allowed: a number >= 0")]
    [InlineData("model", "3", "config: 'model' is a section; give one of its fields, e.g. --model.architecture")]
    [InlineData("optimizer.betas", "0.9", "config: optimizer.betas=[0.9] is not allowed; allowed: two numbers in [0, 1)")]
    public void Bad_values_are_named_in_one_line(string field, string value, string message)
    {
        KeyValuePair<string, string>[] overrides = field == "schedule" ? [new(field, value)] : [.. ConstantSchedule, new(field, value)];

        var error = Assert.Throws<ArgumentException>(() => ConfigLoader.Load(null, overrides));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Missing_or_malformed_file_is_reported()
    {
        Assert.Equal("config: file 'nowhere.yaml' does not exist", Assert.Throws<ArgumentException>(() => ConfigLoader.Load("nowhere.yaml", [])).Message);
        var path = Write("bad.yaml", "model: [unclosed");
        Assert.StartsWith("config: '", Assert.Throws<ArgumentException>(() => ConfigLoader.Load(path, [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_round_trip_is_exact()
    {
        var config = ConfigLoader.Load(null, [.. ConstantSchedule, new("optimizer.lr", "0.000123456789"), new("group_schedules.decay", "constant(value=2)")]);

        var json = ConfigLoader.ToJson(config);
        var again = ConfigLoader.FromJson(json);

        Assert.Equal(json, ConfigLoader.ToJson(again));
        Assert.Equal(0.000123456789, again.Optimizer.Lr);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
