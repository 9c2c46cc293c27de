// What the schedule commands share: reading a SPEC (spec text, or its JSON form when it starts with '{'),
// the --steps and --lr options, and evaluating a rate so that a schedule's own error names the step.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Schedules;

/// <summary>Parsing and evaluation helpers of the schedule commands.</summary>
public static class ScheduleInput
{
    /// <summary>The most steps a command evaluates.</summary>
    public const long MaxSteps = 1_000_000_000;

    /// <summary>The <c>SPEC</c> positional.</summary>
    public static PositionalSpec Spec { get; } = new(
        "SPEC",
        "a schedule, e.g. 'StepLR(step_size=30, gamma=0.1)', or its JSON form '{\"schedule\": ...}'; quote it for the shell");

    /// <summary>The <c>--steps N</c> option.</summary>
    public static OptionSpec Steps { get; } = new("--steps", "N", $"evaluate steps 0 to N-1 (N from 1 to {MaxSteps})") { Required = true };

    /// <summary>The <c>--lr BASE</c> option with one base rate.</summary>
    public static OptionSpec BaseRate { get; } = new("--lr", "BASE", "the base learning rate that relative schedules scale (default 1)");

    /// <summary>Builds the schedule that <paramref name="text"/> defines; errors name <paramref name="label"/> and the text.</summary>
    /// <param name="context">Supplies the catalog.</param>
    /// <param name="text">Spec text, or the JSON form when it starts with '{'.</param>
    /// <param name="label">How the argument is called in errors, e.g. <c>SPEC</c> or <c>SPEC 2</c>.</param>
    public static Schedule Parse(CommandContext context, string text, string label)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var call = text.TrimStart().StartsWith('{') ? SpecJson.FromJson(text) : SpecParser.Parse(text);
            return context.Catalog.Create(call);
        }
        catch (SpecException error)
        {
            throw new UsageException($"{label} '{text}': {error.Message}");
        }
    }

    /// <summary>The value of <c>--steps</c>, or <paramref name="fallback"/> when it is optional and not given.</summary>
    public static long ReadSteps(ParsedArguments arguments, long? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Integer(Steps.Name, 1, MaxSteps, fallback);
    }

    /// <summary>The base rates of <c>--lr</c>: one per parameter group, 1 when not given.</summary>
    public static IReadOnlyList<double> ReadBaseRates(ParsedArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Numbers(BaseRate.Name, value => value > 0, "numbers > 0", [1.0]);
    }

    /// <summary>The one base rate of <c>--lr</c>, 1 when not given.</summary>
    public static double ReadBaseRate(ParsedArguments arguments)
    {
        var rates = ReadBaseRates(arguments);
        return rates.Count == 1
            ? rates[0]
            : throw new UsageException($"--lr '{arguments.Text(BaseRate.Name)}' has {rates.Count} base rates; this command takes one");
    }

    /// <summary>Writes a note on stderr when <c>--lr</c> was given for a schedule whose values are absolute rates.</summary>
    public static void NoteAbsolute(CommandContext context, ParsedArguments arguments, Schedule schedule, string label)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(schedule);
        if (arguments.Has(BaseRate.Name) && schedule.Scale == RateScale.Absolute)
        {
            context.Error.WriteLine($"note: {label} {schedule} gives absolute rates; --lr does not scale it");
        }
    }

    /// <summary>
    /// The rate of parameter group <paramref name="group"/> at <paramref name="step"/> (the group index selects
    /// per-group terms such as a list of <c>min_lr</c>); a schedule's refusal (e.g. a step past a peer's end) names the step.
    /// </summary>
    public static double Rate(Schedule schedule, long step, double baseRate, string label, int group = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            return schedule.Rate(step, baseRate, group);
        }
        catch (ArgumentException error)
        {
            throw new UsageException($"{label} {schedule}: at step {step}: {UsageException.Describe(error)}");
        }
    }

}
