// The syntax tree of the spec language, e.g. `SequentialLR(schedulers=[ConstantLR(factor=0.1), ExponentialLR(0.9)], milestones=[3])`.
// Values print back to spec text that parses to the same tree (numbers in shortest round-trip form).
using System.Globalization;
using System.Text;

namespace Ramp;

/// <summary>A value in the spec language: number, boolean, text, none, list, map or schedule call.</summary>
public abstract record SpecValue
{
    /// <summary>Character offset of the value in the text it was parsed from, or -1 when built in code.</summary>
    public int Position { get; init; } = -1;

    /// <summary>The spec text of this value.</summary>
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    /// <summary>Whether two values print to the same spec text (positions are ignored).</summary>
    public bool IsEquivalentTo(SpecValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ToString() == other.ToString();
    }

    /// <summary>Appends the spec text of this value.</summary>
    public abstract void Write(StringBuilder builder);

    /// <summary>A short name of the value's kind for error messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A number; integers are numbers whose value is whole.</summary>
public sealed record SpecNumber(double Value) : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "number";

    /// <summary>Formats a double in the spec language: shortest round-trip form, <c>inf</c>, <c>-inf</c>, <c>nan</c>.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override void Write(StringBuilder builder) => builder.Append(Format(Value));
}

/// <summary>A boolean, written <c>true</c>/<c>false</c> (Python's <c>True</c>/<c>False</c> parse too).</summary>
public sealed record SpecBoolean(bool Value) : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "boolean";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder) => builder.Append(Value ? "true" : "false");
}

/// <summary>A quoted string.</summary>
public sealed record SpecText(string Value) : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "string";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder)
    {
        builder.Append('\'');
        foreach (var character in Value)
        {
            _ = character switch
            {
                '\'' => builder.Append("\\'"),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append(character),
            };
        }

        builder.Append('\'');
    }
}

/// <summary>Python's <c>None</c>: an optional argument given no value.</summary>
public sealed record SpecNone : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "None";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder) => builder.Append("None");
}

/// <summary>A list <c>[a, b]</c> (a Python tuple <c>(a, b)</c> parses to a list too).</summary>
public sealed record SpecList(IReadOnlyList<SpecValue> Items) : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "list";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Items[i].Write(builder);
        }

        builder.Append(']');
    }
}

/// <summary>A map <c>{5: 1.5, 10: 0.25}</c>, as optax's boundaries-and-scales arguments.</summary>
public sealed record SpecMap(IReadOnlyList<KeyValuePair<SpecValue, SpecValue>> Entries) : SpecValue
{
    /// <inheritdoc/>
    public override string KindName => "map";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < Entries.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Entries[i].Key.Write(builder);
            builder.Append(": ");
            Entries[i].Value.Write(builder);
        }

        builder.Append('}');
    }
}

/// <summary>A named argument of a call.</summary>
/// <param name="Name">The parameter name as written.</param>
/// <param name="Value">The value.</param>
/// <param name="Position">Offset of the name in the parsed text, or -1.</param>
public sealed record SpecArgument(string Name, SpecValue Value, int Position = -1);

/// <summary>A schedule call: a catalog name with positional and named arguments.</summary>
public sealed record SpecCall(string Name, IReadOnlyList<SpecValue> Positional, IReadOnlyList<SpecArgument> Named) : SpecValue
{
    /// <summary>A call with named arguments only, in the given order.</summary>
    public SpecCall(string name, params IEnumerable<(string Name, SpecValue Value)> named)
        : this(name, [], [.. named.Select(argument => new SpecArgument(argument.Name, argument.Value))])
    {
    }

    /// <inheritdoc/>
    public override string KindName => "schedule";

    /// <inheritdoc/>
    public override void Write(StringBuilder builder)
    {
        builder.Append(Name).Append('(');
        var first = true;
        foreach (var value in Positional)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            value.Write(builder);
            first = false;
        }

        foreach (var argument in Named)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            builder.Append(argument.Name).Append('=');
            argument.Value.Write(builder);
            first = false;
        }

        builder.Append(')');
    }
}
