// Parses spec text into a syntax tree. The syntax is Python's call syntax, so constructor calls paste
// straight from Python: keyword and positional arguments, numbers (1e-5, -3, inf, nan), True/true,
// False/false, None, quoted strings, lists [..], tuples (..), maps {k: v}, nested calls, and dotted
// qualified names (torch.optim.lr_scheduler.StepLR). A bare name is a call without arguments.
// Positions in errors are 0-based character offsets into the text.
using System.Globalization;
using System.Text;

namespace Ramp;

/// <summary>Turns spec text into a <see cref="SpecCall"/>; errors are <see cref="SpecException"/>s with a position.</summary>
public static class SpecParser
{
    /// <summary>Parses one schedule call from <paramref name="text"/>.</summary>
    public static SpecCall Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        reader.SkipSpace();
        if (reader.AtEnd)
        {
            throw new SpecException("empty spec; expected a schedule such as cosine(steps=1000)", 0);
        }

        var value = reader.ParseValue();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw new SpecException($"unexpected '{reader.Current}' after the end of the spec", reader.Offset);
        }

        return value as SpecCall
            ?? throw new SpecException($"expected a schedule call such as cosine(steps=1000), found a {value.KindName} '{value}'", value.Position);
    }

    /// <summary>Parses one value of any kind (number, list, call...) from <paramref name="text"/>, e.g. a map key.</summary>
    public static SpecValue ParseValue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        var value = reader.ParseValue();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw new SpecException($"unexpected '{reader.Current}' after the end of the value", reader.Offset);
        }

        return value;
    }

    // Deeper nesting than this is certainly a mistake, and unbounded recursion would overflow the stack.
    private const int MaxDepth = 64;

    private sealed class Reader(string text)
    {
        private int offset;
        private int depth;

        public int Offset => offset;

        public bool AtEnd => offset >= text.Length;

        public char Current => text[offset];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                offset++;
            }
        }

        public SpecValue ParseValue()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw new SpecException("unexpected end of the spec; expected a value", offset);
            }

            var start = offset;
            var current = Current;
            if (++depth > MaxDepth)
            {
                throw new SpecException($"nesting deeper than {MaxDepth} levels", start);
            }

            var value = current switch
            {
                '[' => new SpecList(ParseSequence(']', "list")) { Position = start },
                '(' => new SpecList(ParseSequence(')', "tuple")) { Position = start },
                '{' => ParseMap(),
                '\'' or '"' => ParseText(),
                _ when char.IsDigit(current) || current is '-' or '+' or '.' => ParseNumber(),
                _ when IsNameStart(current) => ParseNameOrCall(),
                _ => throw new SpecException($"unexpected '{current}'; expected a value (number, string, list, map or schedule)", offset),
            };
            depth--;
            return value;
        }

        private List<SpecValue> ParseSequence(char close, string what)
        {
            var start = offset;
            offset++;
            var items = new List<SpecValue>();
            SkipSpace();
            while (!TryConsume(close))
            {
                items.Add(ParseValue());
                SkipSpace();
                if (!TryConsume(','))
                {
                    ExpectClose(close, what, start);
                    break;
                }

                SkipSpace();
            }

            return items;
        }

        private SpecMap ParseMap()
        {
            var start = offset;
            offset++;
            var entries = new List<KeyValuePair<SpecValue, SpecValue>>();
            SkipSpace();
            while (!TryConsume('}'))
            {
                var key = ParseValue();
                if (entries.Exists(entry => entry.Key.IsEquivalentTo(key)))
                {
                    throw new SpecException($"map key {key} is given twice", key.Position);
                }

                SkipSpace();
                Expect(':', "after a map key");
                var value = ParseValue();
                entries.Add(new(key, value));
                SkipSpace();
                if (!TryConsume(','))
                {
                    ExpectClose('}', "map", start);
                    break;
                }

                SkipSpace();
            }

            return new SpecMap(entries) { Position = start };
        }

        private SpecText ParseText()
        {
            var start = offset;
            var quote = Current;
            offset++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new SpecException("unterminated string", start);
                }

                var character = text[offset++];
                if (character == quote)
                {
                    return new SpecText(builder.ToString()) { Position = start };
                }

                if (character != '\\')
                {
                    builder.Append(character);
                    continue;
                }

                if (AtEnd)
                {
                    throw new SpecException("unterminated string", start);
                }

                var escaped = text[offset++];
                builder.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    '\\' or '\'' or '"' => escaped,
                    _ => throw new SpecException($"unknown escape '\\{escaped}' in a string; allowed: \\n \\t \\\\ \\' \\\"", offset - 2),
                });
            }
        }

        private SpecNumber ParseNumber()
        {
            var start = offset;
            if (Current is '-' or '+')
            {
                offset++;
                if (!AtEnd && IsNameStart(Current))
                {
                    var word = ReadName();
                    if (word is "inf")
                    {
                        return new SpecNumber(text[start] == '-' ? double.NegativeInfinity : double.PositiveInfinity) { Position = start };
                    }

                    throw new SpecException($"unexpected '{word}' after a sign; expected a number", start);
                }
            }

            while (!AtEnd && (char.IsDigit(Current) || Current is '.' or 'e' or 'E' or '_'
                || ((Current is '-' or '+') && text[offset - 1] is 'e' or 'E')))
            {
                offset++;
            }

            var literal = text[start..offset].Replace("_", string.Empty, StringComparison.Ordinal);
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new SpecException($"'{text[start..offset]}' is not a number; numbers look like 30, -0.5, 1e-4, 1_000, inf", start);
            }

            if (double.IsInfinity(value))
            {
                throw new SpecException($"'{text[start..offset]}' is beyond the range of a double (about 1.8e308); write inf for infinity", start);
            }

            return new SpecNumber(value) { Position = start };
        }

        private SpecValue ParseNameOrCall()
        {
            var start = offset;
            var name = ReadQualifiedName();
            switch (name)
            {
                case "true" or "True":
                    return new SpecBoolean(true) { Position = start };
                case "false" or "False":
                    return new SpecBoolean(false) { Position = start };
                case "None" or "null":
                    return new SpecNone { Position = start };
                case "inf":
                    return new SpecNumber(double.PositiveInfinity) { Position = start };
                case "nan":
                    return new SpecNumber(double.NaN) { Position = start };
                default:
                    break;
            }

            SkipSpace();
            if (!TryConsume('('))
            {
                return new SpecCall(name, [], []) { Position = start };
            }

            var positional = new List<SpecValue>();
            var named = new List<SpecArgument>();
            SkipSpace();
            while (!TryConsume(')'))
            {
                var argumentStart = offset;
                if (IsNameStart(Current) && TryReadKeyword(out var keyword))
                {
                    if (named.Exists(argument => argument.Name == keyword))
                    {
                        throw new SpecException($"argument '{keyword}' of {name} is given twice", argumentStart);
                    }

                    named.Add(new SpecArgument(keyword, ParseValue(), argumentStart));
                }
                else
                {
                    if (named.Count > 0)
                    {
                        throw new SpecException($"positional argument of {name} follows a keyword argument", argumentStart);
                    }

                    positional.Add(ParseValue());
                }

                SkipSpace();
                if (!TryConsume(','))
                {
                    ExpectClose(')', $"call to {name}", start);
                    break;
                }

                SkipSpace();
            }

            return new SpecCall(name, positional, named) { Position = start };
        }

        // Reads `name =` when present; otherwise leaves the position unchanged and returns false.
        private bool TryReadKeyword(out string keyword)
        {
            var start = offset;
            keyword = ReadName();
            SkipSpace();
            if (!AtEnd && Current == '=')
            {
                offset++;
                return true;
            }

            offset = start;
            return false;
        }

        private string ReadQualifiedName()
        {
            var builder = new StringBuilder(ReadName());
            while (!AtEnd && Current == '.' && offset + 1 < text.Length && IsNameStart(text[offset + 1]))
            {
                offset++;
                builder.Append('.').Append(ReadName());
            }

            return builder.ToString();
        }

        private string ReadName()
        {
            var start = offset;
            while (!AtEnd && (IsNameStart(Current) || char.IsDigit(Current)))
            {
                offset++;
            }

            return text[start..offset];
        }

        private static bool IsNameStart(char character) => char.IsLetter(character) || character == '_';

        private bool TryConsume(char expected)
        {
            if (!AtEnd && Current == expected)
            {
                offset++;
                return true;
            }

            return false;
        }

        private void Expect(char expected, string where)
        {
            if (AtEnd)
            {
                throw new SpecException($"unexpected end of the spec; expected '{expected}' {where}", offset);
            }

            if (Current != expected)
            {
                throw new SpecException($"unexpected '{Current}'; expected '{expected}' {where}", offset);
            }

            offset++;
        }

        // After an item that is not followed by a comma: the closing bracket must come next.
        private void ExpectClose(char close, string what, int openedAt)
        {
            SkipSpace();
            if (AtEnd)
            {
                throw new SpecException($"unexpected end of the spec; expected ',' or '{close}' to close the {what} opened at {openedAt}", offset);
            }

            if (Current != close)
            {
                throw new SpecException($"unexpected '{Current}'; expected ',' or '{close}' in the {what} opened at {openedAt}", offset);
            }

            offset++;
        }
    }
}
