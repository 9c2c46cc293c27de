// Property tests over every catalog entry's Example (the built-in catalog, and test-local entries that use
// every parameter kind): spec -> schedule -> ToString -> parse gives the same values, spec -> JSON -> spec
// gives the same text, and a closed-form Rate allocates nothing. Plus random syntax trees through both forms.
namespace Ramp.Tests.Spec;

public class CatalogRoundTripTests
{
    // Steps where values are compared: every step of a typical warmup and decay, then far out.
    private static readonly long[] Steps = [.. Enumerable.Range(0, 1200).Select(step => (long)step), 4_000, 10_007, 123_456, 1_000_000, 1L << 31, 1L << 40];

    // Quotes, backslashes, control and non-ASCII characters: everything a string must escape or keep.
    private const string TextCharacters = "ab 'c\"\\\n\t\ré";

    public static TheoryData<string> BuiltInEntries => [.. ScheduleCatalog.Default.Entries.Select(entry => entry.QualifiedName)];

    public static TheoryData<string> TestEntries => [.. TestCatalog.Entries.Select(entry => entry.QualifiedName)];

    [Theory]
    [MemberData(nameof(BuiltInEntries))]
    public void A_built_in_example_prints_to_a_spec_that_gives_the_same_values(string name)
        => AssertPrintsToTheSameValues(ScheduleCatalog.Default, name);

    [Theory]
    [MemberData(nameof(TestEntries))]
    public void A_test_entry_example_prints_to_a_spec_that_gives_the_same_values(string name)
        => AssertPrintsToTheSameValues(TestCatalog.Catalog, name);

    [Theory]
    [MemberData(nameof(BuiltInEntries))]
    public void A_built_in_example_goes_through_json_unchanged(string name)
        => AssertJsonRoundTrip(ScheduleCatalog.Default, name);

    [Theory]
    [MemberData(nameof(TestEntries))]
    public void A_test_entry_example_goes_through_json_unchanged(string name)
        => AssertJsonRoundTrip(TestCatalog.Catalog, name);

    [Theory]
    [MemberData(nameof(BuiltInEntries))]
    public void A_built_in_closed_form_rate_allocates_nothing(string name)
    {
        var schedule = ScheduleCatalog.Default.Parse(Example(ScheduleCatalog.Default, name));
        if (schedule.IsFeedback)
        {
            return;
        }

        var steps = Steps.Where(step => step < 1000 && Evaluates(schedule, step)).ToArray();
        var sum = 0.0;
        foreach (var step in steps)
        {
            sum += schedule.Rate(step);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var step in steps)
        {
            sum += schedule.Rate(step);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        GC.KeepAlive(sum);
        Assert.NotEmpty(steps);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Random_syntax_trees_print_and_parse_back_to_the_same_text_and_go_through_json_unchanged()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 500; i++)
        {
            var call = RandomCall(random, 0);
            var text = call.ToString();

            var parsed = SpecParser.Parse(text);
            var json = SpecJson.ToJson(parsed);

            Assert.Equal(text, parsed.ToString());
            Assert.Equal(text, SpecJson.FromJson(json).ToString());
            Assert.Equal(json, SpecJson.ToJson(SpecJson.FromJson(json)));
        }
    }

    private static void AssertPrintsToTheSameValues(ScheduleCatalog catalog, string name)
    {
        var first = catalog.Parse(Example(catalog, name));
        var second = catalog.Parse(first.ToString());
        var third = catalog.Parse(SpecJson.FromJson(SpecJson.ToJson(first.ToSpec())).ToString());

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(first.Scale, second.Scale);
        foreach (var step in Steps)
        {
            var expected = Evaluate(first, step, 1);
            Assert.Equal(expected, Evaluate(second, step, 1));
            Assert.Equal(expected, Evaluate(third, step, 1));
            Assert.Equal(Evaluate(first, step, 0.03), Evaluate(second, step, 0.03));
        }
    }

    private static void AssertJsonRoundTrip(ScheduleCatalog catalog, string name)
    {
        var example = SpecParser.Parse(Example(catalog, name));
        var canonical = catalog.Parse(example.ToString()).ToSpec();

        foreach (var call in new[] { example, canonical })
        {
            var json = SpecJson.ToJson(call);
            Assert.Equal(call.ToString(), SpecJson.FromJson(json).ToString());
            Assert.Equal(json, SpecJson.ToJson(SpecJson.FromJson(json)));
        }
    }

    private static string Example(ScheduleCatalog catalog, string name)
        => catalog.Entries.Single(entry => entry.QualifiedName == name).Example;

    private static bool Evaluates(Schedule schedule, long step)
    {
        try
        {
            schedule.Rate(step);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    // The value, or the error's type for a step the schedule rejects (a peer that raises past its end).
    private static string Evaluate(Schedule schedule, long step, double baseRate)
    {
        try
        {
            return SpecNumber.Format(schedule.Rate(step, baseRate));
        }
        catch (ArgumentOutOfRangeException error)
        {
            return error.GetType().Name;
        }
    }

    private static SpecCall RandomCall(Random random, int depth)
    {
        var name = random.Next(3) switch
        {
            0 => "f",
            1 => "torch.optim.StepLR",
            _ => "get_cosine_schedule_with_warmup",
        };
        var positional = Enumerable.Range(0, random.Next(3)).Select(_ => RandomValue(random, depth + 1)).ToList();
        var named = Enumerable.Range(0, random.Next(4)).Select(i => new SpecArgument($"arg_{i}", RandomValue(random, depth + 1))).ToList();
        return new SpecCall(name, positional, named);
    }

    private static SpecValue RandomValue(Random random, int depth)
    {
        var kind = depth > 3 ? random.Next(5) : random.Next(8);
        return kind switch
        {
            0 => new SpecNumber(RandomDouble(random)),
            1 => new SpecBoolean(random.Next(2) == 0),
            2 => new SpecText(new string([.. Enumerable.Range(0, random.Next(6)).Select(_ => TextCharacters[random.Next(TextCharacters.Length)])])),
            3 => new SpecNone(),
            4 => new SpecNumber(random.Next(-5, 100_000)),
            5 => new SpecList([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))]),
            6 => new SpecMap([.. Enumerable.Range(0, random.Next(4)).Select(i => new KeyValuePair<SpecValue, SpecValue>(new SpecNumber(i * 7.5), RandomValue(random, depth + 1)))]),
            _ => RandomCall(random, depth + 1),
        };
    }

    // Any double, finite or not, drawn from its bit pattern so that subnormals and extreme exponents come up.
    private static double RandomDouble(Random random) => random.Next(10) switch
    {
        0 => double.PositiveInfinity,
        1 => double.NegativeInfinity,
        2 => double.NaN,
        3 => -0.0,
        4 => random.NextDouble(),
        _ => BitConverter.Int64BitsToDouble(random.NextInt64()) is var value && double.IsFinite(value) ? value : 0.1,
    };
}
