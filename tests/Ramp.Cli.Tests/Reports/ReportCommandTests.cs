// `ramp report`: one self-contained HTML file per call with every run overlaid in each chart, the configs
// side by side with differing rows marked, a summary and sample translations per run; runs that cannot
// be read are one-line errors, runs without metrics or with a torn last line are reported with a note.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ramp.Cli.Charts;
using Ramp.Cli.Reports;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Reports;

public sealed class ReportCommandTests(SyntheticRunsFixture runs) : IClassFixture<SyntheticRunsFixture>, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ramp-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Two_runs_give_one_chart_per_metric_with_each_run_in_its_own_color()
    {
        var file = Path.Combine(root, "both.html");

        var result = Cli.Run("report", runs.Warmup.Path, runs.NoWarmup.Path, "-o", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal($"wrote {file}\n", result.Output);
        var page = ReportPage.Load(file);
        Assert.Equal(ReportPage.ChartIds, page.Charts.Select(chart => chart.Attribute("id")!.Value));
        string[] colors = [SvgChart.Colors[0], SvgChart.Colors[1]];
        foreach (var id in new[] { "grad-norm", "bleu", "tokens-per-second" })
        {
            var paths = ReportPage.Paths(page.Chart(id));
            Assert.Equal(colors, paths.Select(path => path.Attribute("stroke")!.Value));
            Assert.Equal(["warmup-400", "no-warmup"], paths.Select(path => path.Element(ReportPage.Svg + "title")!.Value));
            Assert.Subset(ReportPage.Texts(page.Chart(id)).ToHashSet(), new HashSet<string> { "warmup-400", "no-warmup" });
        }

        // Training loss solid and validation loss dashed, per run.
        var loss = ReportPage.Paths(page.Chart("loss"));
        Assert.Equal(["warmup-400 · train", "warmup-400 · validation", "no-warmup · train", "no-warmup · validation"], loss.Select(path => path.Element(ReportPage.Svg + "title")!.Value));
        Assert.Equal([colors[0], colors[0], colors[1], colors[1]], loss.Select(path => path.Attribute("stroke")!.Value));
        Assert.Equal([false, true, false, true], loss.Select(path => path.Attribute("stroke-dasharray") is not null));

        // The warmup run's groups share a rate: one line. The other run's differ: a line per group.
        var rates = ReportPage.Paths(page.Chart("learning-rate"));
        Assert.Equal(["warmup-400", "no-warmup · decay", "no-warmup · no_decay"], rates.Select(path => path.Element(ReportPage.Svg + "title")!.Value));
        Assert.Equal([colors[0], colors[1], colors[1]], rates.Select(path => path.Attribute("stroke")!.Value));
    }

    [Fact]
    public void A_line_follows_the_logged_values_one_point_per_logged_step()
    {
        var file = Path.Combine(root, "one.html");

        Cli.Run("report", runs.Warmup.Path, "-o", file);

        var data = ReportPage.Paths(ReportPage.Load(file).Chart("tokens-per-second")).Single().Attribute("d")!.Value;
        Assert.Equal((int)(SyntheticRuns.Steps / SyntheticRuns.LogInterval), data.Split(' ').Length);
        Assert.StartsWith("M", data, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_table_has_a_column_per_run_and_marks_the_rows_that_differ()
    {
        var file = Path.Combine(root, "config.html");

        Cli.Run("report", runs.Warmup.Path, runs.NoWarmup.Path, "-o", file);

        var rows = ReportPage.Load(file).Rows("config");
        var byField = rows.ToDictionary(row => ReportPage.Cells(row)[0]);
        Assert.Equal(["schedule", "noam(d_model=256, warmup_steps=400)", "constant(0.0007)"], ReportPage.Cells(byField["schedule"]));
        Assert.Equal(["group_schedules.no_decay", "(not set)", "constant(0.00035)"], ReportPage.Cells(byField["group_schedules.no_decay"]));
        Assert.Equal(["optimizer.betas", "[0.9, 0.98]", "[0.9, 0.98]"], ReportPage.Cells(byField["optimizer.betas"]));
        Assert.Equal(["optimizer.eps", "1e-9", "1e-9"], ReportPage.Cells(byField["optimizer.eps"]));
        var differing = rows.Where(row => row.Attribute("class")?.Value == "differs").Select(row => ReportPage.Cells(row)[0]);
        Assert.Equal(["schedule", "group_schedules.no_decay", "training.seed"], differing);
        Assert.Equal(ConfigTable.Flatten(new TrainingConfig()).Count, rows.Count);
    }

    [Fact]
    public void The_summary_and_the_samples_come_from_the_metrics()
    {
        var run = SyntheticRuns.Write(
            Path.Combine(root, "short"),
            new TrainingConfig { Training = new LoopConfig { Steps = 1000, EvalInterval = 200, LogInterval = 100 } },
            seed: 3,
            rate: _ => 0.001,
            noDecayFactor: 1,
            lossFloor: 2.0,
            lastStep: 600);
        var file = Path.Combine(root, "summary.html");

        Cli.Run("report", run.Path, "-o", file);

        var page = ReportPage.Load(file);
        var metrics = run.ReadMetrics();
        var evaluations = metrics.OfType<EvaluationRecord>().ToList();
        var cells = ReportPage.Cells(page.Rows("summary").Single());
        Assert.Equal("short", cells[0]);
        Assert.Equal("600 of 1000", cells[1]);
        Assert.Equal("31.0 s", cells[2]);
        Assert.Equal(metrics.OfType<StepRecord>().Last().Loss.ToString("F3", CultureInfo.InvariantCulture), cells[3]);
        Assert.Equal($"{evaluations[^1].ValLoss.ToString("F3", CultureInfo.InvariantCulture)} at step 600", cells[4]);
        Assert.Equal($"{evaluations[^1].Bleu!.Value.ToString("F2", CultureInfo.InvariantCulture)} at step 600", cells[5]);
        var samples = page.Rows("samples");
        Assert.Equal(["Save changes?", "保存更改？", "保存<更改> & 退出"], ReportPage.Cells(samples[1]));
        Assert.Contains("保存&lt;更改&gt; &amp; 退出", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains(page.Document.Descendants(ReportPage.Html + "h3"), heading => heading.Value == "short, at step 600");
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var file = Path.Combine(root, "alone.html");

        Cli.Run("report", runs.Warmup.Path, "-o", file);

        var page = ReportPage.Load(file);
        Assert.DoesNotContain(page.Document.Descendants(), element => element.Name.LocalName is "script" or "link" or "img" or "image" or "iframe" or "object" or "foreignObject");
        Assert.DoesNotContain(page.Document.Descendants().Attributes(), attribute => attribute.Name.LocalName is "src" or "href" || attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        var text = File.ReadAllText(file)
            .Replace("xmlns=\"http://www.w3.org/1999/xhtml\"", string.Empty, StringComparison.Ordinal)
            .Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", text, StringComparison.Ordinal);
        Assert.All(Regex.Matches(text, @"url\(([^)]*)\)"), match => Assert.StartsWith("#", match.Groups[1].Value, StringComparison.Ordinal));
    }

    [Fact]
    public void One_run_without_o_is_written_into_the_run_directory_and_several_into_the_current_one()
    {
        var run = SyntheticRuns.Tiny(Path.Combine(root, "tiny"));

        var result = Cli.Run("report", run.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"wrote {run.ReportPath}\n", result.Output);
        Assert.True(File.Exists(run.ReportPath));
        Assert.Equal(["config.json", "metrics.jsonl", "report.html"], Directory.GetFiles(run.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine("/work", "report.html"), ReportCommand.DefaultPath([run, runs.Warmup], "/work"));
    }

    [Fact]
    public void Replaces_an_existing_report_and_leaves_no_temporary_file()
    {
        var run = SyntheticRuns.Tiny(Path.Combine(root, "tiny"));
        File.WriteAllText(run.ReportPath, "old");

        Cli.Run("report", run.Path);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(run.ReportPath), StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(run.Path).Length);
    }

    [Fact]
    public void A_run_without_metrics_gets_empty_charts_with_a_note()
    {
        var run = new RunDirectory(Path.Combine(root, "fresh"));
        run.Create(new TrainingConfig());
        File.WriteAllText(run.MetricsPath, string.Empty);

        var result = Cli.Run("report", run.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("note: run 'fresh' has no metrics yet; its lines are missing from the charts\n", result.Error);
        var page = ReportPage.Load(run.ReportPath);
        Assert.Equal(5, page.Charts.Count);
        Assert.All(page.Charts, chart => Assert.Empty(ReportPage.Paths(chart)));
        Assert.Contains("no losses logged yet", ReportPage.Texts(page.Chart("loss")));
        Assert.Contains("no BLEU logged yet", ReportPage.Texts(page.Chart("bleu")));
        Assert.Contains(page.Document.Descendants(ReportPage.Html + "li"), item => item.Value.StartsWith("run 'fresh' has no metrics yet", StringComparison.Ordinal));
        Assert.Equal(["fresh", "0 of 2000", "–", "–", "–", "–", "–", "0", new TrainingConfig().Schedule], ReportPage.Cells(page.Rows("summary").Single()));
    }

    [Fact]
    public void A_torn_last_line_is_left_out_with_a_note()
    {
        var run = SyntheticRuns.Tiny(Path.Combine(root, "tiny"));
        var lines = File.ReadAllLines(run.MetricsPath);
        File.WriteAllText(run.MetricsPath, string.Join('\n', lines[..3]) + "\n" + lines[3][..20]);

        var result = Cli.Run("report", run.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("note: run 'tiny': the last line of metrics.jsonl is cut short (the run is writing, or was stopped mid-line); it is left out\n", result.Error);
        var data = ReportPage.Paths(ReportPage.Load(run.ReportPath).Chart("tokens-per-second")).Single().Attribute("d")!.Value;
        Assert.Equal(3, data.Split(' ').Length);
    }

    [Fact]
    public void A_step_logged_twice_keeps_its_later_line()
    {
        var run = new RunDirectory(Path.Combine(root, "resumed"));
        run.Create(new TrainingConfig());
        run.Append(new StepRecord { Step = 10, Lr = [1], Loss = 5, GradNorm = 1, TokensPerSecond = 100 });
        run.Append(new StepRecord { Step = 20, Lr = [1], Loss = 4, GradNorm = 1, TokensPerSecond = 100 });
        run.Append(new StepRecord { Step = 20, Lr = [1], Loss = 3, GradNorm = 1, TokensPerSecond = 100 });

        var loaded = ReportRun.Load(run, "resumed");

        Assert.Equal([10L, 20L], loaded.Steps.Select(step => step.Step));
        Assert.Equal(3, loaded.Steps[^1].Loss);
    }

    [Fact]
    public void Runs_with_the_same_directory_name_are_told_apart_by_their_parents()
    {
        var first = SyntheticRuns.Tiny(Path.Combine(root, "a", "run"));
        var second = SyntheticRuns.Tiny(Path.Combine(root, "b", "run"));
        var file = Path.Combine(root, "same.html");

        Cli.Run("report", first.Path, second.Path, "-o", file);

        var titles = ReportPage.Paths(ReportPage.Load(file).Chart("bleu")).Select(path => path.Element(ReportPage.Svg + "title")!.Value);
        Assert.Equal(["a/run", "b/run"], titles);
    }

    [Fact]
    public void Log_lr_draws_the_learning_rate_on_a_log_axis()
    {
        var file = Path.Combine(root, "log.html");

        Cli.Run("report", runs.Warmup.Path, "-o", file, "--log-lr");

        var texts = ReportPage.Texts(ReportPage.Load(file).Chart("learning-rate"));
        Assert.Contains("learning rate (log scale)", texts);
        Assert.Contains("0.001", texts);
    }

    [Fact]
    public void A_long_run_is_reduced_for_the_chart()
    {
        var run = new RunDirectory(Path.Combine(root, "long"));
        run.Create(new TrainingConfig { Training = new LoopConfig { Steps = 20_000, LogInterval = 1 } });
        var compact = new JsonSerializerOptions(ConfigLoader.JsonOptions) { WriteIndented = false };
        File.WriteAllLines(run.MetricsPath, Enumerable.Range(1, 20_000).Select(step => JsonSerializer.Serialize<MetricRecord>(
            new StepRecord { Step = step, Lr = [0.001], Loss = 3 + Math.Sin(step), GradNorm = 1, TokensPerSecond = 1000 + (step % 7) }, compact)));
        var file = Path.Combine(root, "long.html");

        var result = Cli.Run("report", run.Path, "-o", file);

        Assert.Equal(0, result.ExitCode);
        var points = ReportPage.Paths(ReportPage.Load(file).Chart("loss")).Single().Attribute("d")!.Value.Split(' ').Length;
        Assert.InRange(points, 1000, 4000);
        Assert.True(new FileInfo(file).Length < 1_000_000, $"{new FileInfo(file).Length} bytes");
    }

    [Fact]
    public void A_directory_that_does_not_exist_is_a_one_line_error()
    {
        var missing = Path.Combine(root, "missing");

        var line = Cli.Run("report", missing).SingleErrorLine();

        Assert.Equal($"ramp report: run '{missing}' does not exist; allowed: a run directory (config.json, metrics.jsonl)", line);
    }

    [Fact]
    public void A_directory_without_config_is_a_one_line_error_and_nothing_is_written()
    {
        var line = Cli.Run("report", root).SingleErrorLine();

        Assert.Equal($"ramp report: run '{root}' is not a run directory: it has no config.json", line);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_bad_metrics_line_before_the_last_is_a_one_line_error_naming_the_line()
    {
        var run = SyntheticRuns.Tiny(Path.Combine(root, "tiny"));
        var lines = File.ReadAllLines(run.MetricsPath);
        lines[1] = "{\"kind\":\"step\",\"step\":";
        File.WriteAllLines(run.MetricsPath, lines);

        var line = Cli.Run("report", run.Path).SingleErrorLine();

        Assert.StartsWith($"ramp report: run '{run.Path}': {run.MetricsPath}:2: not a metrics line: ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(run.ReportPath));
    }

    [Fact]
    public void A_config_that_is_not_json_is_a_one_line_error()
    {
        var run = SyntheticRuns.Tiny(Path.Combine(root, "tiny"));
        File.WriteAllText(run.ConfigPath, "{ not json");

        var line = Cli.Run("report", run.Path).SingleErrorLine();

        Assert.StartsWith($"ramp report: run '{run.Path}': ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_twice_is_a_one_line_error()
    {
        var run = runs.Warmup;

        var line = Cli.Run("report", run.Path, run.Path + "/", "-o", Path.Combine(root, "x.html")).SingleErrorLine();

        Assert.Equal($"ramp report: run '{run.Path}' is given twice; give each run once", line);
    }

    [Theory]
    [InlineData(new string[0], "missing RUN: run directories (config.json, metrics.jsonl), overlaid in this order")]
    [InlineData(new[] { "x", "-o", "report.svg" }, "-o 'report.svg' is not an .html file; allowed: a file name ending in .html or .htm")]
    [InlineData(new[] { "x", "--log-y" }, "unknown option '--log-y'; did you mean --log-lr?")]
    [InlineData(new[] { "" }, "RUN '' is empty; allowed: the path of a run directory")]
    public void Rejects_bad_arguments_in_one_line(string[] args, string message)
        => Assert.Equal($"ramp report: {message}", Cli.Run(["report", .. args]).SingleErrorLine());

    [Fact]
    public void An_output_in_a_missing_directory_is_a_one_line_error()
    {
        var run = runs.Warmup;
        var file = Path.Combine(root, "nowhere", "r.html");

        var line = Cli.Run("report", run.Path, "-o", file).SingleErrorLine();

        Assert.Equal($"ramp report: -o '{file}': directory '{Path.GetDirectoryName(file)}' does not exist; allowed: a file in an existing directory", line);
    }

    [Fact]
    public void The_library_entry_point_writes_the_same_page_as_the_command()
    {
        var viaCommand = Path.Combine(root, "command.html");
        var viaLibrary = Path.Combine(root, "library.html");

        Cli.Run("report", runs.Warmup.Path, runs.NoWarmup.Path, "-o", viaCommand);
        var report = RunReport.Write([runs.Warmup, runs.NoWarmup], viaLibrary);

        Assert.Equal(File.ReadAllText(viaCommand), File.ReadAllText(viaLibrary));
        Assert.Equal(report.Html, File.ReadAllText(viaLibrary));
        Assert.Empty(report.Notes);
    }
}
