// The value types a schedule parameter can take in the spec language.
namespace Ramp;

/// <summary>The type of a schedule parameter.</summary>
public enum ParameterKind
{
    /// <summary>A real number.</summary>
    Number,

    /// <summary>A whole number (a step count, a period).</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A string, usually one of a fixed set of choices.</summary>
    Text,

    /// <summary>A list of real numbers.</summary>
    NumberList,

    /// <summary>A list of whole numbers.</summary>
    IntegerList,

    /// <summary>A map from numbers (steps) to numbers.</summary>
    NumberMap,

    /// <summary>A nested schedule.</summary>
    Schedule,

    /// <summary>A list of nested schedules.</summary>
    ScheduleList,

    /// <summary>A number or a nested schedule, as Paddle's <c>learning_rate: float | LRScheduler</c>.</summary>
    NumberOrSchedule,
}
