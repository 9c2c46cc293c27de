// Test-local catalog entries that use every parameter kind (lists, maps, nested schedules, choices,
// booleans, None) and a peer-named entry, so that binding and round trips are tested beyond the built-ins.
using Values = Ramp.Spec;

namespace Ramp.Tests.Spec;

internal static class TestCatalog
{
    public static ScheduleEntry Ramp { get; } = new(
        "linear_ramp",
        ScheduleOrigin.Ramp,
        "Rises linearly from 0 to peak over steps, then holds.",
        [
            new("steps", ParameterKind.Integer, "length of the rise") { Minimum = 0, MinimumExclusive = true },
            new("peak", ParameterKind.Number, "the value held after the rise") { Default = Values.Of(1.0), Minimum = 0 },
        ],
        arguments => new RampSchedule(arguments.Integer("steps"), arguments.Number("peak")))
    {
        Example = "linear_ramp(steps=100, peak=0.5)",
    };

    public static ScheduleEntry Piecewise { get; } = new(
        "scaled_at",
        ScheduleOrigin.Ramp,
        "Multiplies the value by a scale at each boundary step.",
        [
            new("init_value", ParameterKind.Number, "the value before the first boundary") { Minimum = 0 },
            new("boundaries_and_scales", ParameterKind.NumberMap, "step to scale") { Default = new SpecMap([]), Minimum = 0 },
        ],
        arguments => new PiecewiseSchedule(arguments.Number("init_value"), arguments.Map("boundaries_and_scales")))
    {
        Example = "scaled_at(init_value=2, boundaries_and_scales={10: 0.5, 20: 0.1})",
    };

    public static ScheduleEntry Sequence { get; } = new(
        "sequence",
        ScheduleOrigin.Ramp,
        "Runs each schedule from its milestone on, with its clock restarted there.",
        [
            new("schedules", ParameterKind.ScheduleList, "the schedules in order"),
            new("milestones", ParameterKind.IntegerList, "the steps where the next schedule starts") { Minimum = 1 },
        ],
        arguments =>
        {
            var schedules = arguments.Schedules("schedules");
            var milestones = arguments.Integers("milestones");
            return milestones.Count == schedules.Count - 1
                ? new SequenceSchedule(schedules, milestones)
                : throw new ArgumentException($"milestones must have {schedules.Count - 1} steps for {schedules.Count} schedules, got {milestones.Count}", nameof(arguments));
        })
    {
        Example = "sequence(schedules=[linear_ramp(steps=10), constant(value=0.25)], milestones=[10])",
    };

    public static ScheduleEntry Scaled { get; } = new(
        "scaled",
        ScheduleOrigin.Ramp,
        "A schedule times a factor, with an optional absolute floor.",
        [
            new("schedule", ParameterKind.Schedule, "the schedule to scale"),
            new("factor", ParameterKind.Number, "the factor") { Default = Values.Of(1.0), Minimum = 0 },
            new("mode", ParameterKind.Text, "how the factor applies") { Default = Values.Of("mul"), Choices = ["mul", "add"] },
            new("clip", ParameterKind.Boolean, "whether to clip at 1") { Default = Values.Of(false) },
            new("floor", ParameterKind.Number, "an absolute lower bound of the rate") { Default = new SpecNone(), Minimum = 0 },
        ],
        arguments => new ScaledSchedule(
            arguments.Schedule("schedule"),
            arguments.Number("factor"),
            arguments.Text("mode"),
            arguments.Boolean("clip"),
            arguments.OptionalNumber("floor")))
    {
        Example = "scaled(schedule=linear_ramp(steps=4), factor=2, mode='add', clip=true, floor=0.01)",
    };

    public static ScheduleEntry Nothing { get; } = new(
        "unit",
        ScheduleOrigin.Ramp,
        "Always 1.",
        [],
        arguments => new ScaledSchedule(new ConstantSchedule(1), 1, "mul", false, null))
    {
        Example = "unit",
    };

    // A peer-named entry computed by a native object: the catalog wraps it to keep the peer's definition.
    public static ScheduleEntry PeerFloor { get; } = new(
        "FloorLR",
        ScheduleOrigin.PyTorch,
        "A constant factor with an absolute floor, as a peer spells it.",
        [
            new("factor", ParameterKind.Number, "the factor") { Default = Values.Of(0.5), Minimum = 0 },
            new("eta_min", ParameterKind.Number, "absolute floor") { Default = Values.Of(0.0), Minimum = 0 },
        ],
        arguments => new ScaledSchedule(new ConstantSchedule(arguments.Number("factor")), 1, "mul", false, arguments.Number("eta_min")))
    {
        Example = "FloorLR(factor=0.5, eta_min=0.01)",
    };

    // Shares the normalized name "linearramp" with Ramp's entry, from another origin.
    public static ScheduleEntry PeerRamp { get; } = new(
        "LinearRamp",
        ScheduleOrigin.Keras,
        "The Keras-side twin of linear_ramp.",
        [new("steps", ParameterKind.Integer, "length of the rise") { Minimum = 1 }],
        arguments => new RampSchedule(arguments.Integer("steps"), 1))
    {
        Example = "keras.LinearRamp(steps=3)",
    };

    public static IReadOnlyList<ScheduleEntry> Entries { get; } = [ConstantSchedule.Entry, Ramp, Piecewise, Sequence, Scaled, Nothing, PeerFloor, PeerRamp];

    public static ScheduleCatalog Catalog { get; } = new(Entries);

    private sealed class RampSchedule(long steps, double peak) : Schedule
    {
        public override RateScale Scale => RateScale.Relative;

        public override double Rate(long step) => step >= steps ? peak : peak * step / steps;

        public override SpecCall ToSpec() => new("linear_ramp", ("steps", Values.Of(steps)), ("peak", Values.Of(peak)));
    }

    private sealed class PiecewiseSchedule(double initValue, IReadOnlyList<KeyValuePair<double, double>> scales) : Schedule
    {
        private readonly KeyValuePair<double, double>[] scales = [.. scales];

        public override RateScale Scale => RateScale.Relative;

        public override double Rate(long step)
        {
            var value = initValue;
            foreach (var (boundary, scale) in scales)
            {
                if (step >= boundary)
                {
                    value *= scale;
                }
            }

            return value;
        }

        public override SpecCall ToSpec() => new("scaled_at", ("init_value", Values.Of(initValue)), ("boundaries_and_scales", Values.Of(scales)));
    }

    private sealed class SequenceSchedule(IReadOnlyList<Schedule> schedules, IReadOnlyList<long> milestones) : Schedule
    {
        public override RateScale Scale => RateScale.Relative;

        public override IReadOnlyList<Schedule> Children => schedules;

        public override double Rate(long step)
        {
            var index = 0;
            while (index < milestones.Count && step >= milestones[index])
            {
                index++;
            }

            return schedules[index].Rate(index == 0 ? step : step - milestones[index - 1]);
        }

        public override SpecCall ToSpec() => new("sequence", ("schedules", Values.Of(schedules)), ("milestones", Values.Of(milestones)));
    }

    private sealed class ScaledSchedule(Schedule inner, double factor, string mode, bool clip, double? floor) : Schedule
    {
        public override RateScale Scale => RateScale.Relative;

        public override IReadOnlyList<Schedule> Children => [inner];

        public override double Rate(long step) => Rate(step, 1);

        public override double Rate(long step, double baseRate)
        {
            var value = mode == "add" ? inner.Rate(step) + factor : inner.Rate(step) * factor;
            value = clip ? Math.Min(value, 1) : value;
            return Math.Max(baseRate * value, floor ?? 0);
        }

        // None is left out, as in the catalog's canonical call.
        public override SpecCall ToSpec() => floor is null
            ? new("scaled", ("schedule", Values.Of(inner)), ("factor", Values.Of(factor)), ("mode", Values.Of(mode)), ("clip", Values.Of(clip)))
            : new("scaled", ("schedule", Values.Of(inner)), ("factor", Values.Of(factor)), ("mode", Values.Of(mode)), ("clip", Values.Of(clip)), ("floor", Values.Of(floor)));
    }
}
