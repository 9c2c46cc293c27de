// Reads Fixtures/optimizers/optimizers.json, written by tools/fixtures/optimizers.py with torch.optim of
// PyTorch 1.13: a three-parameter layout in two groups, the initial parameters, eight recorded gradient
// vectors, and for each case the optimizer, its settings and the parameters after every step.
using System.Text.Json;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

internal sealed class OptimizerFixture
{
    private static readonly Lazy<OptimizerFixture> Instance = new(() => new OptimizerFixture(Read("optimizers.json")));

    private OptimizerFixture(JsonElement root)
    {
        Root = root;
        Layout = new ParameterLayout(root.GetProperty("layout").EnumerateArray().Select(entry => new ParameterEntry(
            entry.GetProperty("name").GetString()!,
            entry.GetProperty("offset").GetInt32(),
            entry.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32()).ToArray())));
        GroupMembers = root.GetProperty("groups").EnumerateArray()
            .Select(group => group.EnumerateArray().Select(name => name.GetString()!).ToArray()).ToArray();
        InitialParameters = Floats(root.GetProperty("initial_parameters"));
        Gradients = root.GetProperty("gradients").EnumerateArray().Select(Floats).ToArray();
    }

    public static OptimizerFixture Default => Instance.Value;

    public JsonElement Root { get; }

    public ParameterLayout Layout { get; }

    public string[][] GroupMembers { get; }

    public float[] InitialParameters { get; }

    public float[][] Gradients { get; }

    public IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public JsonElement Case(string name) => Cases.Single(item => item.GetProperty("name").GetString() == name);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "optimizers", file);

    public static JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllBytes(PathOf(file))).RootElement;

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(value => (float)value.GetDouble()).ToArray();

    /// <summary>The case's two groups (decay, no_decay) with the case's learning rates, weight decays and per-group settings.</summary>
    public ParameterGroup[] Groups(JsonElement fixtureCase)
    {
        var optimizer = fixtureCase.GetProperty("optimizer").GetString()!;
        var defaults = fixtureCase.GetProperty("settings");
        return fixtureCase.GetProperty("groups").EnumerateArray().Select((group, index) =>
        {
            var ownSettings = group.TryGetProperty("betas", out _) || group.TryGetProperty("eps", out _)
                ? Settings(optimizer, defaults, group)
                : null;
            return ParameterGroup.Of(index == 0 ? "decay" : "no_decay",
                GroupMembers[index].Select(name => Layout[name]),
                group.GetProperty("lr").GetDouble(), group.GetProperty("weight_decay").GetDouble(), ownSettings);
        }).ToArray();
    }

    /// <summary>The optimizer a case names, with the case's settings as defaults.</summary>
    public Optimizer Create(JsonElement fixtureCase, IEnumerable<ParameterGroup> groups)
    {
        var optimizer = fixtureCase.GetProperty("optimizer").GetString()!;
        var settings = fixtureCase.GetProperty("settings");
        var count = Layout.Length;
        return optimizer switch
        {
            "Sgd" => new Sgd(count, groups, (SgdSettings)Settings(optimizer, settings)),
            "AdaGrad" => new AdaGrad(count, groups, (AdaGradSettings)Settings(optimizer, settings)),
            "RmsProp" => new RmsProp(count, groups, (RmsPropSettings)Settings(optimizer, settings)),
            "Adam" => new Adam(count, groups, (AdamSettings)Settings(optimizer, settings)),
            "AdamW" => new AdamW(count, groups, (AdamSettings)Settings(optimizer, settings)),
            "RAdam" => new RAdam(count, groups, (RAdamSettings)Settings(optimizer, settings)),
            _ => throw new InvalidDataException($"Unknown optimizer '{optimizer}' in fixture."),
        };
    }

    // Maps torch.optim keyword arguments onto Ramp's settings; a group's own keys override the case's.
    private static OptimizerSettings Settings(string optimizer, JsonElement settings, JsonElement? group = null)
    {
        double Number(string key, double fallback) =>
            group is { } g && g.TryGetProperty(key, out var own) ? own.GetDouble()
            : settings.TryGetProperty(key, out var value) ? value.GetDouble() : fallback;
        bool Flag(string key) => settings.TryGetProperty(key, out var value) && value.GetBoolean();
        double Beta(int index, double fallback) =>
            group is { } g && g.TryGetProperty("betas", out var betas) ? betas[index].GetDouble() : fallback;
        return optimizer switch
        {
            "Sgd" => new SgdSettings { Momentum = Number("momentum", 0), Dampening = Number("dampening", 0), Nesterov = Flag("nesterov") },
            "AdaGrad" => new AdaGradSettings
            {
                LearningRateDecay = Number("lr_decay", 0),
                InitialAccumulatorValue = Number("initial_accumulator_value", 0),
                Epsilon = Number("eps", 1e-10),
            },
            "RmsProp" => new RmsPropSettings
            {
                Alpha = Number("alpha", 0.99),
                Epsilon = Number("eps", 1e-8),
                Momentum = Number("momentum", 0),
                Centered = Flag("centered"),
            },
            "Adam" or "AdamW" => new AdamSettings
            {
                Beta1 = Beta(0, 0.9),
                Beta2 = Beta(1, 0.999),
                Epsilon = Number("eps", 1e-8),
                Amsgrad = Flag("amsgrad"),
            },
            "RAdam" => new RAdamSettings { Beta1 = Beta(0, 0.9), Beta2 = Beta(1, 0.999), Epsilon = Number("eps", 1e-8) },
            _ => throw new InvalidDataException($"Unknown optimizer '{optimizer}' in fixture."),
        };
    }
}
