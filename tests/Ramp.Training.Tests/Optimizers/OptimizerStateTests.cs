// Saving and loading optimizer state: a restored optimizer continues bit-for-bit, and a state that does not
// fit (another optimizer, another layout, another step) is refused with a one-line message, changing nothing.
using System.Text.Json;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class OptimizerStateTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-optimizer-state-").FullName;

    private string StatePath => Path.Combine(directory, "optimizer.json");

    private string BuffersPath => Path.Combine(directory, "optimizer.safetensors");

    public static TheoryData<string> Names => OptimizerCases.Names;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_loaded_optimizer_continues_bit_for_bit_as_if_never_interrupted(string name)
    {
        var random = new Random(11);
        var initial = OptimizerCases.RandomVector(random, OptimizerCases.ParameterCount);
        var gradients = Enumerable.Range(0, 9).Select(_ => OptimizerCases.RandomVector(random, OptimizerCases.ParameterCount)).ToArray();
        var rates = Enumerable.Range(0, 9).Select(step => 0.01 * (step + 1) / 9).ToArray();

        var uninterrupted = OptimizerCases.Create(name, OptimizerCases.Groups());
        var expected = initial.ToArray();
        Run(uninterrupted, expected, gradients, rates, 0, 9);

        var first = OptimizerCases.Create(name, OptimizerCases.Groups());
        var actual = initial.ToArray();
        Run(first, actual, gradients, rates, 0, 4);
        first.SaveState(StatePath, BuffersPath);
        var resumed = OptimizerCases.Create(name, OptimizerCases.Groups());
        resumed.LoadState(StatePath, BuffersPath);
        Assert.Equal(first.Groups.Select(group => group.LearningRate), resumed.Groups.Select(group => group.LearningRate));
        Run(resumed, actual, gradients, rates, 4, 9);

        Assert.Equal(expected, actual);
        Assert.Equal(uninterrupted.Groups.Select(group => group.StepCount), resumed.Groups.Select(group => group.StepCount));
        foreach (var buffer in uninterrupted.BufferNames)
        {
            Assert.Equal(uninterrupted.GetBuffer(buffer).ToArray(), resumed.GetBuffer(buffer).ToArray());
        }
    }

    [Fact]
    public void State_json_records_the_optimizer_groups_and_settings()
    {
        var optimizer = new Adam(OptimizerCases.ParameterCount, OptimizerCases.Groups(), new AdamSettings { Beta2 = 0.98 });
        optimizer.Step(new float[OptimizerCases.ParameterCount], new float[OptimizerCases.ParameterCount]);
        optimizer.SaveState(StatePath, BuffersPath);
        using var json = JsonDocument.Parse(File.ReadAllText(StatePath));
        var root = json.RootElement;
        Assert.Equal("Adam", root.GetProperty("optimizer").GetString());
        Assert.Equal(["exp_avg", "exp_avg_sq"], root.GetProperty("buffers").EnumerateArray().Select(item => item.GetString()));
        var group = root.GetProperty("groups")[0];
        Assert.Equal("decay", group.GetProperty("name").GetString());
        Assert.Equal(1, group.GetProperty("stepCount").GetInt64());
        Assert.Equal(0.98, group.GetProperty("settings").GetProperty("beta2").GetDouble());
    }

    [Fact]
    public void Loading_another_optimizers_state_fails_with_one_line_naming_both()
    {
        Save(new Adam(OptimizerCases.ParameterCount, OptimizerCases.Groups()));
        var other = new AdamW(OptimizerCases.ParameterCount, OptimizerCases.Groups());
        var error = Assert.Throws<InvalidDataException>(() => other.LoadState(StatePath, BuffersPath));
        Assert.Contains("holds Adam state; this optimizer is AdamW", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Loading_state_of_another_layout_fails_and_changes_nothing()
    {
        Save(new Adam(OptimizerCases.ParameterCount, OptimizerCases.Groups()));
        var moved = new Adam(OptimizerCases.ParameterCount,
        [
            new ParameterGroup("decay", [new ParameterRange(0, 30), new ParameterRange(34, 27)], 0.01, 0.1),
            new ParameterGroup("no_decay", [new ParameterRange(30, 4)], 0.02),
        ]);
        var error = Assert.Throws<InvalidDataException>(() => moved.LoadState(StatePath, BuffersPath));
        Assert.Contains("group 'decay' covers [(0, 29), (33, 28)]; this optimizer's covers [(0, 30), (34, 27)]", error.Message, StringComparison.Ordinal);
        Assert.All(moved.Groups, group => Assert.Equal(0, group.StepCount));

        var longer = new Adam(OptimizerCases.ParameterCount + 1, OptimizerCases.Groups());
        var lengthError = Assert.Throws<InvalidDataException>(() => longer.LoadState(StatePath, BuffersPath));
        Assert.Contains($"saved for {OptimizerCases.ParameterCount} parameters; this optimizer has {OptimizerCases.ParameterCount + 1}", lengthError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_state_with_other_buffers_fails()
    {
        Save(new Adam(OptimizerCases.ParameterCount, OptimizerCases.Groups()));
        var amsgrad = new Adam(OptimizerCases.ParameterCount, OptimizerCases.Groups(), new AdamSettings { Amsgrad = true });
        var error = Assert.Throws<InvalidDataException>(() => amsgrad.LoadState(StatePath, BuffersPath));
        Assert.Contains("holds buffers [exp_avg, exp_avg_sq]; this optimizer has [exp_avg, exp_avg_sq, max_exp_avg_sq]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_buffers_from_different_steps_are_refused_and_nothing_changes()
    {
        var optimizer = new RmsProp(OptimizerCases.ParameterCount, OptimizerCases.Groups());
        var parameters = new float[OptimizerCases.ParameterCount];
        var gradients = Enumerable.Repeat(0.5f, OptimizerCases.ParameterCount).ToArray();
        optimizer.Step(parameters, gradients);
        optimizer.SaveState(StatePath, BuffersPath);
        optimizer.Step(parameters, gradients);
        var laterBuffers = Path.Combine(directory, "later.safetensors");
        optimizer.SaveState(Path.Combine(directory, "later.json"), laterBuffers);
        var before = optimizer.GetBuffer("square_avg").ToArray();

        var error = Assert.Throws<InvalidDataException>(() => optimizer.LoadState(StatePath, laterBuffers));
        Assert.Contains("do not belong together", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, optimizer.GetBuffer("square_avg").ToArray());
        Assert.All(optimizer.Groups, group => Assert.Equal(2, group.StepCount));
    }

    [Fact]
    public void A_corrupt_state_file_is_reported_as_such()
    {
        var optimizer = new Sgd(OptimizerCases.ParameterCount, OptimizerCases.Groups());
        Save(optimizer);
        File.WriteAllText(StatePath, "{ not json");
        var error = Assert.Throws<InvalidDataException>(() => optimizer.LoadState(StatePath, BuffersPath));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_fields_are_reported_as_an_invalid_state_file()
    {
        var optimizer = new Sgd(OptimizerCases.ParameterCount, OptimizerCases.Groups());
        Save(optimizer);
        var text = File.ReadAllText(StatePath);
        File.WriteAllText(StatePath, text.Replace("\"stepCount\": 1", "\"stepCount\": \"one\"", StringComparison.Ordinal));
        Assert.Contains("'stepCount' is missing or not a Int64",
            Assert.Throws<InvalidDataException>(() => optimizer.LoadState(StatePath, BuffersPath)).Message, StringComparison.Ordinal);
        File.WriteAllText(StatePath, text.Replace("\"ranges\": [", "\"ranges\": [ [\"zero\", 1],", StringComparison.Ordinal));
        Assert.Contains("malformed optimizer state",
            Assert.Throws<InvalidDataException>(() => optimizer.LoadState(StatePath, BuffersPath)).Message, StringComparison.Ordinal);
    }

    private void Save(Optimizer optimizer)
    {
        optimizer.Step(new float[optimizer.ParameterCount], Enumerable.Repeat(0.1f, optimizer.ParameterCount).ToArray());
        optimizer.SaveState(StatePath, BuffersPath);
    }

    private static void Run(Optimizer optimizer, float[] parameters, float[][] gradients, double[] rates, int from, int to)
    {
        for (var step = from; step < to; step++)
        {
            optimizer.Groups[0].LearningRate = rates[step];
            optimizer.Groups[1].LearningRate = 2 * rates[step];
            optimizer.Step(parameters, gradients[step]);
        }
    }
}
