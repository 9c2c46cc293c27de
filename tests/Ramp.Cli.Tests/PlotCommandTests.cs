// `ramp schedule plot`: a self-contained SVG with one path per spec, written atomically; log axes; the
// reference chart without SPEC; the terminal preview when stdout is a terminal or --preview is given.
using System.Xml.Linq;
using Ramp.Cli.Schedules;

namespace Ramp.Cli.Tests;

public sealed class PlotCommandTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly string directory = Directory.CreateTempSubdirectory("ramp-plot-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Writes_an_svg_that_parses_as_xml_with_one_path_per_spec_and_a_legend()
    {
        var file = Path.Combine(directory, "chart.svg");

        var result = Cli.Run("schedule", "plot", "triangle(10, 100)", "constant(0.5)", "noam(d_model=64, warmup_steps=20)", "--steps", "100", "-o", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal($"wrote {file}\n", result.Output);
        var svg = XDocument.Load(file);
        var paths = svg.Descendants(Svg + "path").ToList();
        Assert.Equal(3, paths.Count);
        Assert.Equal(3, paths.Select(path => path.Attribute("stroke")!.Value).Distinct().Count());
        Assert.Equal(["triangle(10, 100)", "constant(0.5)", "noam(d_model=64, warmup_steps=20)"], paths.Select(path => path.Element(Svg + "title")!.Value));
        var texts = svg.Descendants(Svg + "text").Select(text => text.Value).ToList();
        Assert.Contains("3 schedules, 100 steps", texts);
        Assert.Contains("constant(0.5)", texts);
        Assert.Contains("step", texts);
        Assert.Contains("learning rate", texts);
        Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName is "script" or "image" or "foreignObject");
    }

    [Fact]
    public void The_axes_carry_ticks_at_nice_numbers()
    {
        var file = Path.Combine(directory, "ticks.svg");

        Cli.Run("schedule", "plot", "triangle(10, 100)", "--steps", "100", "-o", file);

        var labels = XDocument.Load(file).Descendants(Svg + "text").Select(text => text.Value).ToList();
        Assert.Subset(labels.ToHashSet(), new HashSet<string> { "0", "20", "40", "60", "80", "0.2", "0.4", "0.6", "0.8", "1.0" });
    }

    [Fact]
    public void A_path_follows_the_rates_through_the_axis_mapping()
    {
        var file = Path.Combine(directory, "path.svg");

        Cli.Run("schedule", "plot", "triangle(2, 4)", "--steps", "5", "-o", file);

        // Steps 0..4 over x 90..790 px; rates 0, 0.5, 1, 0.5, 0 over y 430..50 px (axis 0 to 1).
        var data = XDocument.Load(file).Descendants(Svg + "path").Single().Attribute("d")!.Value;
        Assert.Equal("M90,430 L265,240 L440,50 L615,240 L790,430", data);
    }

    [Fact]
    public void Log_y_leaves_out_rates_that_are_not_positive_and_says_so()
    {
        var file = Path.Combine(directory, "log.svg");

        var result = Cli.Run("schedule", "plot", "noam(d_model=512, warmup_steps=40)", "--steps", "400", "-o", file, "--log-y");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("note: SPEC leaves out 1 step(s) whose rate is <= 0 or not finite, the first at step 0\n", result.Error);
        var svg = XDocument.Load(file);
        Assert.StartsWith("M", svg.Descendants(Svg + "path").Single().Attribute("d")!.Value, StringComparison.Ordinal);
        Assert.Contains("learning rate (log scale)", svg.Descendants(Svg + "text").Select(text => text.Value));
        Assert.Subset(svg.Descendants(Svg + "text").Select(text => text.Value).ToHashSet(), new HashSet<string> { "0.0001", "0.0002", "0.0005", "0.001", "0.01" });
    }

    [Fact]
    public void Log_y_of_a_schedule_with_no_positive_rate_is_an_error()
    {
        var result = Cli.Run("schedule", "plot", "constant(0)", "--steps", "10", "-o", Path.Combine(directory, "zero.svg"), "--log-y");

        Assert.Equal(
            "ramp schedule plot: SPEC constant(value=0) has no rate > 0 in steps 0 to 9; a log axis cannot show it (drop --log-y)",
            result.SingleErrorLine());
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Without_spec_plots_the_reference_schedules()
    {
        var file = Path.Combine(directory, "reference.svg");

        var result = Cli.Run("schedule", "plot", "-o", file);

        Assert.Equal(0, result.ExitCode);
        var paths = XDocument.Load(file).Descendants(Svg + "path").ToList();
        Assert.Equal(ReferencePlot.Specs, paths.Select(path => path.Element(Svg + "title")!.Value));
        Assert.Contains($", {ReferencePlot.Steps} steps", XDocument.Load(file).Descendants(Svg + "title").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        var file = Path.Combine(directory, "chart.svg");
        File.WriteAllText(file, "old");

        Cli.Run("schedule", "plot", "constant", "--steps", "3", "-o", file);

        Assert.Equal([file], Directory.GetFiles(directory));
        Assert.StartsWith("<svg", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_the_preview_when_asked_and_on_a_terminal_but_not_when_redirected()
    {
        var file = Path.Combine(directory, "preview.svg");
        string[] args = ["schedule", "plot", "triangle(warmup_steps=20, total_steps=100)", "--steps", "100", "-o", file];

        var redirected = Cli.Run(args);
        var asked = Cli.Run([.. args, "--preview"]);
        var terminal = Cli.Run(TestSchedules.Catalog, terminal: true, args);
        var refused = Cli.Run(TestSchedules.Catalog, terminal: true, [.. args, "--no-preview"]);

        Assert.Equal($"wrote {file}\n", redirected.Output);
        Assert.Equal($"wrote {file}\n", refused.Output);
        Assert.Equal(asked.Output, terminal.Output);
        var lines = asked.OutputLines;
        Assert.True(lines.Length > 14);
        Assert.All(lines, line => Assert.True(line.Length <= 72, $"wider than the terminal: '{line}'"));
        Assert.Contains(lines, line => line.Any(character => character is > '\u2800' and <= '\u28ff'));
        Assert.StartsWith("1.0 ┤", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("1: triangle(warmup_steps=20, total_steps=100)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "constant", "-o", "x.svg" }, "missing --steps N: draw steps 0 to N-1 (required with SPEC; N from 1 to 1000000000)")]
    [InlineData(new[] { "constant", "--steps", "3" }, "missing -o or --output FILE.svg (the SVG file to write)")]
    [InlineData(new[] { "constant", "--steps", "3", "-o", "x.png" }, "-o 'x.png' is not an .svg file; allowed: a file name ending in .svg")]
    [InlineData(new[] { "constant", "cnstant", "--steps", "3", "-o", "x.svg" }, "SPEC 2 'cnstant': at 0: unknown schedule 'cnstant'; did you mean constant?")]
    [InlineData(new[] { "constant", "--steps", "3", "-o", "x.svg", "--lr", "1,2" }, "--lr '1,2' has 2 base rates; this command takes one")]
    [InlineData(new[] { "constant", "--steps", "3", "-o", "x.svg", "--preview", "--no-preview" }, "--preview and --no-preview contradict each other; give one")]
    public void Rejects_bad_input_in_one_line(string[] args, string message)
        => Assert.Equal($"ramp schedule plot: {message}", Cli.Run(["schedule", "plot", .. args]).SingleErrorLine());

    [Fact]
    public void A_missing_directory_is_a_one_line_error()
    {
        var file = Path.Combine(directory, "missing", "x.svg");

        var line = Cli.Run("schedule", "plot", "constant", "--steps", "3", "-o", file).SingleErrorLine();

        Assert.Equal($"ramp schedule plot: -o '{file}': directory '{Path.GetDirectoryName(file)}' does not exist; allowed: a file in an existing directory", line);
    }
}
