// `ramp schedule list`: the registry the parser uses, one line per entry, qualified where ambiguous.
namespace Ramp.Cli.Tests;

public class ListCommandTests
{
    [Fact]
    public void Lists_every_entry_with_origin_parameters_defaults_and_summary()
    {
        var result = Cli.Run("schedule", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TestSchedules.Catalog.Entries.Count, result.OutputLines.Length);
        Assert.Contains("constant        ramp   (value: number = 1)  The same factor of the base rate at every step.", result.OutputLines);
        Assert.Contains("last_metric     ramp   (metric: string = 'loss')  The last value of a metric observed so far (feedback).", result.OutputLines);
        Assert.Contains("triangle        ramp   (warmup_steps: integer, total_steps: integer)  Rises linearly to 1, then falls linearly to 0.", result.OutputLines);
        Assert.Contains("torch.triangle  torch  (warmup_steps: integer, total_steps: integer)  The PyTorch twin of triangle.", result.OutputLines);
    }

    [Fact]
    public void Lists_the_built_in_catalog()
    {
        var result = Cli.Run(ScheduleCatalog.Default, false, "schedule", "list");

        Assert.Equal(ScheduleCatalog.Default.Entries.Count, result.OutputLines.Length);
        Assert.All(ScheduleCatalog.Default.Entries, entry => Assert.Contains(result.OutputLines, line => line.StartsWith(ScheduleCatalog.Default.NameOf(entry) + " ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new[] { "--origin", "torch" }, new[] { "torch.triangle" })]
    [InlineData(new[] { "--origin", "PyTorch" }, new[] { "torch.triangle" })]
    [InlineData(new[] { "TRI_ANGLE" }, new[] { "triangle", "torch.triangle" })]
    [InlineData(new[] { "--origin", "ramp", "triangle" }, new[] { "triangle" })]
    [InlineData(new[] { "feedback" }, new[] { "last_metric" })]
    public void Filters_by_origin_and_by_name_or_summary(string[] args, string[] names)
    {
        var result = Cli.Run(["schedule", "list", .. args]);

        Assert.Equal(names, result.OutputLines.Select(line => line.Split(' ')[0]));
    }

    [Fact]
    public void An_origin_without_entries_prints_nothing_and_says_so()
    {
        var result = Cli.Run("schedule", "list", "--origin", "optax");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("note: the catalog has no schedule from optax\n", result.Error);
    }

    [Theory]
    [InlineData(new[] { "--origin", "toch" }, "--origin 'toch' is not a library; did you mean torch? allowed: ramp, torch, transformers, keras, optax, timm, fairseq, paddle, pytorch_warmup")]
    [InlineData(new[] { "trinagle" }, "no schedule matches 'trinagle'; did you mean triangle?")]
    [InlineData(new[] { "a", "b" }, "unexpected argument 'b'; this command takes only [FILTER]")]
    public void Rejects_bad_input_in_one_line(string[] args, string message)
        => Assert.Equal($"ramp schedule list: {message}", Cli.Run(["schedule", "list", .. args]).SingleErrorLine());
}
