// Splits a command's arguments into options and positionals and reads typed values from them.
// Syntax: `--name VALUE`, `--name=VALUE`, `-o VALUE`, flags `--name`, and `--` before positionals that
// start with a dash. An option that takes a value takes the next argument as is, so `--steps -1` reaches
// the range check instead of being read as an option. Every error is a one-line UsageException.
using System.Globalization;

namespace Ramp.Cli.Infrastructure;

/// <summary>The options and positionals given to one command.</summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> options;

    private ParsedArguments(Dictionary<string, string?> options, IReadOnlyList<string> positionals)
    {
        this.options = options;
        Positionals = positionals;
    }

    /// <summary>The positional arguments, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Parses <paramref name="arguments"/> against the declarations of <paramref name="command"/>.</summary>
    /// <param name="command">The command whose options and positionals are declared.</param>
    /// <param name="arguments">The arguments after the command's name.</param>
    public static ParsedArguments Parse(Command command, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var onlyPositionals = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (onlyPositionals || argument.Length < 2 || argument[0] != '-' || IsNumber(argument))
            {
                positionals.Add(argument);
                continue;
            }

            if (argument == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var written = equals > 0 ? argument[..equals] : argument;
            var option = command.Options.FirstOrDefault(option => option.Name == written || option.Alias == written)
                ?? throw UnknownOption(command, written);
            string? value = null;
            if (option.IsFlag)
            {
                if (equals > 0)
                {
                    throw new UsageException($"{option.Name} is a flag and takes no value; got '{argument}'");
                }
            }
            else if (equals > 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count)
            {
                value = arguments[++i];
            }
            else
            {
                throw new UsageException($"{option.Name} needs a value: {option.ValueName} ({option.Summary})");
            }

            if (!options.TryAdd(option.Name, value))
            {
                throw new UsageException($"{option.Name} is given twice; give it once");
            }
        }

        foreach (var option in command.Options.Where(option => option.Required && !options.ContainsKey(option.Name)))
        {
            throw new UsageException($"missing {option.Synopsis.Replace(", ", " or ", StringComparison.Ordinal)} ({option.Summary})");
        }

        CheckPositionals(command, positionals);
        return new ParsedArguments(options, positionals);
    }

    /// <summary>Whether <paramref name="option"/> was given.</summary>
    public bool Has(string option) => options.ContainsKey(option);

    /// <summary>Whether the flag <paramref name="option"/> was given.</summary>
    public bool Flag(string option) => options.ContainsKey(option);

    /// <summary>The text of <paramref name="option"/>, or null when it was not given.</summary>
    public string? Text(string option) => options.TryGetValue(option, out var value) ? value : null;

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; 1e5 and 100_000 are accepted.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    /// <param name="fallback">The value when the option is not given; null makes it required.</param>
    public long Integer(string option, long minimum, long maximum, long? fallback = null)
    {
        var allowed = $"allowed: a whole number from {minimum} to {maximum}";
        if (Text(option) is not { } text)
        {
            return fallback ?? throw new UsageException($"missing {option}; {allowed}");
        }

        var cleaned = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (!double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw new UsageException($"{option} '{text}' is not a number; {allowed}");
            }

            if (number != Math.Floor(number) || Math.Abs(number) > 9e18)
            {
                throw new UsageException($"{option} {text} is not a whole number; {allowed}");
            }

            value = (long)number;
        }

        return value >= minimum && value <= maximum ? value : throw new UsageException($"{option} {text} is out of range; {allowed}");
    }

    /// <summary>One finite number satisfying <paramref name="isAllowed"/>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="isAllowed">The test the number must pass.</param>
    /// <param name="allowed">What is allowed, in words, e.g. <c>minutes from 0 to 10000</c>.</param>
    /// <param name="fallback">The value when the option is not given.</param>
    public double Number(string option, Func<double, bool> isAllowed, string allowed, double fallback)
    {
        ArgumentNullException.ThrowIfNull(isAllowed);
        if (Text(option) is not { } text)
        {
            return fallback;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new UsageException($"{option} '{text}' is not a finite number; allowed: {allowed}");
        }

        return isAllowed(value) ? value : throw new UsageException($"{option} {text} is out of range; allowed: {allowed}");
    }

    /// <summary>A comma-separated list of finite numbers, each satisfying <paramref name="isAllowed"/>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="isAllowed">The test each number must pass.</param>
    /// <param name="allowed">What is allowed, in words, e.g. <c>numbers &gt; 0</c>.</param>
    /// <param name="fallback">The list when the option is not given.</param>
    public IReadOnlyList<double> Numbers(string option, Func<double, bool> isAllowed, string allowed, IReadOnlyList<double> fallback)
    {
        ArgumentNullException.ThrowIfNull(isAllowed);
        if (Text(option) is not { } text)
        {
            return fallback;
        }

        var items = text.Split(',');
        var values = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            var where = items.Length > 1 ? $"{option} '{text}': item {i + 1} " : $"{option} ";
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"{where}'{item}' is not a finite number; allowed: comma-separated {allowed}, e.g. 0.1,0.01");
            }

            if (!isAllowed(values[i]))
            {
                throw new UsageException($"{where}{item} is out of range; allowed: comma-separated {allowed}");
            }
        }

        return values;
    }

    private static void CheckPositionals(Command command, List<string> positionals)
    {
        var declared = command.Positionals;
        var minimum = declared.Count(positional => positional.Required);
        var unbounded = declared.Any(positional => positional.Many);
        if (positionals.Count < minimum)
        {
            var missing = declared.Where(positional => positional.Required).ElementAt(positionals.Count);
            throw new UsageException($"missing {missing.Name}: {missing.Summary}");
        }

        if (!unbounded && positionals.Count > declared.Count)
        {
            var extra = positionals[declared.Count];
            var takes = declared.Count == 0 ? "no arguments" : $"only {string.Join(" ", declared.Select(positional => positional.Synopsis))}";
            var hint = declared.Any(positional => positional.Name == "SPEC") ? "; quote a spec that contains spaces or parentheses" : string.Empty;
            throw new UsageException($"unexpected argument '{extra}'; this command takes {takes}{hint}");
        }
    }

    private static UsageException UnknownOption(Command command, string written)
    {
        var names = command.Options.Select(option => option.Name).Append("--help");
        var nearest = ScheduleNames.Nearest(written.TrimStart('-'), names.Select(name => name.TrimStart('-')), 1);
        var hint = nearest.Count > 0
            ? $"did you mean --{nearest[0]}?"
            : "options: " + string.Join(", ", names);
        return new UsageException($"unknown option '{written}'; {hint}");
    }

    // A negative number where a positional is expected is a value, not an option.
    private static bool IsNumber(string argument)
        => double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
