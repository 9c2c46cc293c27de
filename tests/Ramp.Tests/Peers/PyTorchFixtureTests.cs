// Every PyTorch scheduler against sequences recorded from PyTorch 1.13 itself (tools/fixtures/schedulers.py,
// output in Fixtures/pytorch/*.json): random argument sets, two parameter groups with different base rates.
// Harness B: expected[g][k] is group g's lr read before the k-th scheduler.step(), so it must equal
// Rate(k, base_lrs[g]). ReduceLROnPlateau: one schedule per group; after reading Rate(k) the test reports
// metrics[k] with Observe(k, monitor, metrics[k]), where monitor is the schedule's own `monitor` argument
// (val_loss when it has none), so the rate at k reflects metrics 0..k-1 as PyTorch's lr before step(metrics[k]).
// Names are resolved as torch.<name>, since Keras and Paddle share some of PyTorch's names.
// Tolerance: 1e-9 relative, 1e-15 absolute near zero. PyTorch computes most of these recursively from the
// current lr; Ramp's closed forms must agree with that recursion to this tolerance.
using System.Text.Json;

namespace Ramp.Tests.Peers;

public class PyTorchFixtureTests
{
    private const double Relative = 1e-9;
    private const double Absolute = 1e-15;

    private static readonly string[] Schedulers =
    [
        "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
        "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "SequentialLR", "ChainedScheduler", "ReduceLROnPlateau",
    ];

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch");

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var scheduler in Schedulers)
        {
            using var document = Load(scheduler);
            var index = 0;
            foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                data.Add(scheduler, index++, item.GetProperty("spec").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_rates_pytorch_recorded(string scheduler, int index, string spec)
    {
        using var document = Load(scheduler);
        var item = document.RootElement.GetProperty("cases")[index];
        var baseRates = Numbers(item.GetProperty("base_lrs"));
        var expected = item.GetProperty("expected").EnumerateArray().Select(Numbers).ToArray();
        double[]? metrics = item.TryGetProperty("metrics", out var given) ? Numbers(given) : null;

        for (var group = 0; group < baseRates.Length; group++)
        {
            var schedule = ScheduleCatalog.Default.Create(Qualify(SpecParser.Parse(spec)));
            var monitor = schedule.ToSpec().Named.FirstOrDefault(argument => argument.Name == "monitor")?.Value is SpecText text ? text.Value : "val_loss";
            for (var step = 0; step < expected[group].Length; step++)
            {
                var rate = schedule.Rate(step, baseRates[group]);
                var error = Math.Abs(rate - expected[group][step]);
                Assert.True(
                    error <= Absolute || error <= Relative * Math.Abs(expected[group][step]),
                    $"{spec}, group {group} (base {baseRates[group]:R}), step {step}: PyTorch {expected[group][step]:R}, Ramp {rate:R}");
                if (metrics is not null)
                {
                    schedule.Observe(step, monitor, metrics[step]);
                }
            }
        }
    }

    [Fact]
    public void Every_pytorch_scheduler_has_fixture_cases_for_two_groups()
    {
        foreach (var scheduler in Schedulers)
        {
            using var document = Load(scheduler);
            var cases = document.RootElement.GetProperty("cases");

            Assert.True(cases.GetArrayLength() >= 20, $"{scheduler} has {cases.GetArrayLength()} cases");
            Assert.All(cases.EnumerateArray(), item => Assert.Equal(2, item.GetProperty("base_lrs").GetArrayLength()));
        }
    }

    private static JsonDocument Load(string scheduler) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, scheduler + ".json")));

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(number => number.GetDouble())];

    // torch.<name> for every call, nested ones included.
    private static SpecCall Qualify(SpecCall call) => call with
    {
        Name = "torch." + call.Name,
        Positional = [.. call.Positional.Select(Qualify)],
        Named = [.. call.Named.Select(argument => argument with { Value = Qualify(argument.Value) })],
    };

    private static SpecValue Qualify(SpecValue value) => value switch
    {
        SpecCall call => Qualify(call),
        SpecList list => list with { Items = [.. list.Items.Select(Qualify)] },
        _ => value,
    };
}
