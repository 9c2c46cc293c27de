// Every `ramp schedule ...` example in README.md runs and succeeds, so the documentation cannot drift from
// the catalog: each line is split as a shell would (double quotes), and plot outputs go to a temporary folder.
// The README's example config file loads.
using System.Text;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests;

public sealed class ReadmeExamplesTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-readme-").FullName;

    public static TheoryData<string> Examples() => [.. Lines()];

    private static IEnumerable<string> Lines()
        => File.ReadLines(ReadmePath()).Where(line => line.StartsWith("ramp schedule ", StringComparison.Ordinal));

    [Fact]
    public void The_readme_shows_examples_of_every_command()
    {
        var examples = Lines().ToList();

        Assert.True(examples.Count >= 50, $"only {examples.Count} examples found");
        foreach (var command in new[] { "eval", "plot", "describe", "list" })
        {
            Assert.Contains(examples, example => example.StartsWith($"ramp schedule {command} ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Readme_example_runs(string line)
    {
        var words = Split(line).Skip(1).ToList();
        var output = words.IndexOf("-o");
        if (output >= 0)
        {
            words[output + 1] = Path.Combine(directory, words[output + 1]);
        }

        var result = Cli.Run(ScheduleCatalog.Default, false, [.. words]);

        Assert.True(result.ExitCode == 0, $"{line}\n{result.Error}");
        Assert.NotEmpty(result.Output);
    }

    [Fact]
    public void The_readme_config_file_loads_with_the_values_it_shows()
    {
        var readme = File.ReadAllText(ReadmePath());
        const string Start = "```yaml\n# base.yaml\n";
        var begin = readme.IndexOf(Start, StringComparison.Ordinal);
        Assert.True(begin >= 0, "the README's base.yaml example is missing");
        var text = readme[(begin + Start.Length)..readme.IndexOf("```", begin + Start.Length, StringComparison.Ordinal)];
        var path = Path.Combine(directory, "base.yaml");
        File.WriteAllText(path, text);

        var config = ConfigLoader.Load(path, []);

        Assert.Equal("corpus", config.Data.Corpus);
        Assert.Equal("post", config.Model.Norm);
        Assert.Equal("adamw", config.Optimizer.Name);
        Assert.Equal(0.01, config.Optimizer.WeightDecay);
        Assert.Equal("noam(d_model=256, warmup_steps=4000)", config.Schedule);
        Assert.Equal(20000, config.Training.Steps);
        Assert.Equal(4, config.Evaluation.Beam);
    }

    private static IEnumerable<string> Split(string line)
    {
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (character == ' ' && !quoted)
            {
                if (any)
                {
                    yield return word.ToString();
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(character);
                any = true;
            }
        }

        if (any)
        {
            yield return word.ToString();
        }
    }

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(folder.FullName, "Ramp.slnx")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md not found above the test's folder");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
