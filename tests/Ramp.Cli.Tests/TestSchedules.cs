// Test-local schedules for the CLI: shapes with a warmup, an absolute noam, one that refuses steps past its
// end, one with NaN, and a feedback schedule that reports the last metric it observed.
using System.Text.Json.Nodes;
using Values = Ramp.Spec;

namespace Ramp.Cli.Tests;

internal static class TestSchedules
{
    // Paddle's NoamDecay shape, absolute, 0 at step 0: d_model^-0.5 * min(step^-0.5, step * warmup^-1.5).
    public static ScheduleEntry Noam { get; } = new(
        "noam",
        ScheduleOrigin.Ramp,
        "The Transformer's inverse square root with linear warmup.",
        [
            new("d_model", ParameterKind.Number, "model width") { Minimum = 0, MinimumExclusive = true },
            new("warmup_steps", ParameterKind.Integer, "warmup length") { Minimum = 1 },
        ],
        arguments => new Function(
            $"noam(d_model={arguments.Number("d_model")}, warmup_steps={arguments.Integer("warmup_steps")})",
            RateScale.Absolute,
            step => Math.Pow(arguments.Number("d_model"), -0.5) * Math.Min(step == 0 ? 0 : Math.Pow(step, -0.5), step * Math.Pow(arguments.Integer("warmup_steps"), -1.5))))
    {
        Example = "noam(d_model=512, warmup_steps=4000)",
    };

    // Linear warmup to 1 over warmup_steps, then linear decay to 0 at total_steps (relative).
    public static ScheduleEntry Triangle { get; } = new(
        "triangle",
        ScheduleOrigin.Ramp,
        "Rises linearly to 1, then falls linearly to 0.",
        [
            new("warmup_steps", ParameterKind.Integer, "rise length") { Minimum = 1 },
            new("total_steps", ParameterKind.Integer, "where it reaches 0") { Minimum = 2 },
        ],
        arguments =>
        {
            var warmup = arguments.Integer("warmup_steps");
            var total = arguments.Integer("total_steps");
            return new Function(
                $"triangle(warmup_steps={warmup}, total_steps={total})",
                RateScale.Relative,
                step => step < warmup ? (double)step / warmup : Math.Max(0, (double)(total - step) / (total - warmup)));
        })
    {
        Example = "triangle(warmup_steps=10, total_steps=100)",
    };

    public static ScheduleEntry Bounded { get; } = new(
        "bounded",
        ScheduleOrigin.Ramp,
        "Refuses steps past total_steps, as OneCycleLR does.",
        [new("total_steps", ParameterKind.Integer, "the last allowed step") { Minimum = 1 }],
        arguments =>
        {
            var total = arguments.Integer("total_steps");
            return new Function(
                $"bounded(total_steps={total})",
                RateScale.Relative,
                step => step <= total ? 1 : throw new ArgumentOutOfRangeException(nameof(step), step, $"step {step} is past total_steps={total}"));
        })
    {
        Example = "bounded(total_steps=10)",
    };

    public static ScheduleEntry Broken { get; } = new(
        "broken",
        ScheduleOrigin.Ramp,
        "NaN from a given step on.",
        [new("from_step", ParameterKind.Integer, "first NaN step") { Minimum = 0 }],
        arguments => new Function($"broken(from_step={arguments.Integer("from_step")})", RateScale.Relative, step => step >= arguments.Integer("from_step") ? double.NaN : 1))
    {
        Example = "broken(from_step=5)",
    };

    public static ScheduleEntry LastMetric { get; } = new(
        "last_metric",
        ScheduleOrigin.Ramp,
        "The last value of a metric observed so far (feedback).",
        [new("metric", ParameterKind.Text, "the metric it watches") { Default = Values.Of("loss") }],
        arguments => new LastMetricSchedule(arguments.Text("metric")))
    {
        Example = "last_metric(metric='loss')",
    };

    // Shares its name with a Ramp entry from another origin: list must show it qualified.
    public static ScheduleEntry TorchTriangle { get; } = Triangle with { Origin = ScheduleOrigin.PyTorch, Summary = "The PyTorch twin of triangle." };

    public static ScheduleCatalog Catalog { get; } = new([ConstantSchedule.Entry, Noam, Triangle, Bounded, Broken, LastMetric, TorchTriangle]);

    private sealed class Function(string spec, RateScale scale, Func<long, double> rate) : Schedule
    {
        public override RateScale Scale => scale;

        public override double Rate(long step) => rate(step);

        public override SpecCall ToSpec() => SpecParser.Parse(spec);
    }

    private sealed class LastMetricSchedule(string metric) : Schedule
    {
        private double last = 1;
        private long lastStep = -1;

        public override RateScale Scale => RateScale.Relative;

        public override bool IsFeedback => true;

        public override double Rate(long step) => step > lastStep ? last : throw new InvalidOperationException("asked for a step already observed");

        public override void Observe(long step, string name, double value)
        {
            if (name == metric)
            {
                Assert.True(step > lastStep, "metrics must arrive in step order, once per step");
                last = value;
                lastStep = step;
            }
        }

        public override JsonNode? SaveState() => new JsonObject { ["last"] = last };

        public override void LoadState(JsonNode? state) => last = state!["last"]!.GetValue<double>();

        public override SpecCall ToSpec() => new("last_metric", ("metric", Values.Of(metric)));
    }
}
