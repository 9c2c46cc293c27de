// The JSON form of definitions: its shape, exact round trips with the spec text, and errors that name the JSON path.
namespace Ramp.Tests.Spec;

public class SpecJsonTests
{
    [Theory]
    [InlineData("StepLR(step_size=30, gamma=0.1)", """{"schedule":"StepLR","arguments":{"step_size":30,"gamma":0.1}}""")]
    [InlineData("f()", """{"schedule":"f","arguments":{}}""")]
    [InlineData("torch.StepLR(30, gamma=1E-05)", """{"schedule":"torch.StepLR","positional":[30],"arguments":{"gamma":1E-05}}""")]
    [InlineData(
        "SequentialLR(schedulers=[ConstantLR(factor=0.1), ExponentialLR(gamma=0.9)], milestones=[3])",
        """{"schedule":"SequentialLR","arguments":{"schedulers":[{"schedule":"ConstantLR","arguments":{"factor":0.1}},{"schedule":"ExponentialLR","arguments":{"gamma":0.9}}],"milestones":[3]}}""")]
    [InlineData("f(m={5: 1.5, 1E-05: 0.25}, e=None, b=true, t='cos')", """{"schedule":"f","arguments":{"m":{"5":1.5,"1E-05":0.25},"e":null,"b":true,"t":"cos"}}""")]
    [InlineData("f(a=inf, b=-inf, c=nan)", """{"schedule":"f","arguments":{"a":{"number":"inf"},"b":{"number":"-inf"},"c":{"number":"nan"}}}""")]
    public void Writes_schedules_as_objects_lists_as_arrays_maps_keyed_by_spec_text_and_none_as_null(string spec, string json)
    {
        var call = SpecParser.Parse(spec);

        Assert.Equal(json, SpecJson.ToJson(call));
        Assert.Equal(spec, SpecJson.FromJson(json).ToString());
    }

    [Fact]
    public void Reads_indented_json_and_missing_arguments()
    {
        var json = """
            {
              "schedule": "StepLR",
              "arguments": { "step_size": 30, "gamma": 0.1 }
            }
            """;

        Assert.Equal("StepLR(step_size=30, gamma=0.1)", SpecJson.FromJson(json).ToString());
        Assert.Equal("constant()", SpecJson.FromJson("""{"schedule": "constant"}""").ToString());
    }

    [Fact]
    public void Writes_indented_json_that_reads_back()
    {
        var call = SpecParser.Parse("f(a=[1, 2], b=g(c=0.5))");

        var json = SpecJson.ToJson(call, indented: true);

        Assert.Contains('\n', json);
        Assert.Equal(call.ToString(), SpecJson.FromJson(json).ToString());
    }

    [Theory]
    [InlineData("[1]", "at $: expected an object with a \"schedule\" member, found an array")]
    [InlineData("""{"arguments": {}}""", "at $: expected an object with a \"schedule\" member, found an object")]
    [InlineData("""{"schedule": 3}""", "at $.schedule: expected the schedule's name as a string, found the number 3")]
    [InlineData("""{"schedule": "a b"}""", "at $.schedule: 'a b' is not a schedule name")]
    [InlineData("""{"schedule": "f", "args": {}}""", "at $.args: unexpected member in a schedule object; allowed: \"schedule\", \"arguments\", \"positional\"")]
    [InlineData("""{"schedule": "f", "arguments": [1]}""", "at $.arguments: expected an object of named arguments, found an array")]
    [InlineData("""{"schedule": "f", "positional": 1}""", "at $.positional: expected an array, found the number 1")]
    [InlineData("""{"schedule": "f", "arguments": {"s": [{"schedule": "g", "arguments": {"x": 1e999}}]}}""", "at $.arguments.s[0].arguments.x: 1e999 is beyond the range of a double")]
    [InlineData("""{"schedule": "f", "arguments": {"x": {"number": "infinity"}}}""", "at $.arguments.x.number: \"infinity\" is not allowed; allowed: \"inf\", \"-inf\", \"nan\"")]
    [InlineData("""{"schedule": "f", "arguments": {"m": {"1.2.3": 1}}}""", "at $.arguments.m[\"1.2.3\"]: a map key must be the spec text of a value")]
    [InlineData("""{"schedule": "f", "arguments": {"a-b": 1}}""", "at $.arguments.a-b: 'a-b' is not a parameter name")]
    [InlineData("""{"schedule": "f", "arguments": {"a": 1, "a": 2}}""", "invalid JSON: An item with the same key has already been added. Key: a")]
    [InlineData("""{"schedule": "f",}""", "invalid JSON: The JSON object contains a trailing comma")]
    public void Rejects_bad_json_naming_the_path_in_one_line(string json, string message)
    {
        var error = Assert.Throws<SpecException>(() => SpecJson.FromJson(json));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_map_with_a_repeated_key_has_no_json_form()
    {
        var map = new SpecMap([new(new SpecNumber(5), new SpecNumber(1)), new(new SpecNumber(5), new SpecNumber(2))]);

        var error = Assert.Throws<SpecException>(() => SpecJson.ToJson(new SpecCall("f", ("m", map))));

        Assert.Contains("map key 5 is given twice", error.Message, StringComparison.Ordinal);
    }
}
