// Opens a report in headless Chromium, as a person would, and checks the screenshot: the SVG charts drew
// when each run's line color covers thousands of pixels (the HTML color swatches cover a few hundred), and
// a palette color no run uses stays absent. Chromium is required: without it the test fails and says how
// to install it (CI's .ci/run installs Debian's chromium).
using System.Diagnostics;
using Ramp.Cli.Charts;

namespace Ramp.Cli.Tests.Reports;

public sealed class BrowserTests(SyntheticRunsFixture runs) : IClassFixture<SyntheticRunsFixture>, IDisposable
{
    // Lines in five charts reach tens of thousands of pixels; the four 12 x 12 swatches of a run, 576.
    private const int LinePixels = 3000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string root = Directory.CreateTempSubdirectory("ramp-browser-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A browser helper process may still be closing its profile; the temporary folder can stay.
        }
    }

    [Fact]
    public void The_charts_render_in_headless_chromium_in_each_runs_color()
    {
        var report = Path.Combine(root, "report.html");
        Assert.Equal(0, Cli.Run("report", runs.Warmup.Path, runs.NoWarmup.Path, "-o", report).ExitCode);
        var screenshot = Path.Combine(root, "screenshot.png");

        TakeScreenshot(report, screenshot);

        var image = Png.Decode(File.ReadAllBytes(screenshot));
        Assert.Equal(1280, image.Width);
        var first = Count(image, SvgChart.Colors[0]);
        var second = Count(image, SvgChart.Colors[1]);
        var unused = Count(image, SvgChart.Colors[3]);
        Assert.True(first > LinePixels, $"{first} pixels of run 1's color {SvgChart.Colors[0]}; the charts did not render");
        Assert.True(second > LinePixels, $"{second} pixels of run 2's color {SvgChart.Colors[1]}; the charts did not render");
        Assert.True(unused < 50, $"{unused} pixels of {SvgChart.Colors[3]}, a color no run has");
    }

    private void TakeScreenshot(string page, string png)
    {
        var chromium = FindChromium()
            ?? throw new InvalidOperationException("Chromium is not installed (looked for /usr/bin/chromium, then chromium and chromium-browser on PATH); the browser test needs it: apt-get install -y chromium");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
            $"--user-data-dir={Path.Combine(root, "profile")}", "--window-size=1280,4000", $"--screenshot={png}", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within {Patience.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.True(File.Exists(png), $"Chromium (exit code {process.ExitCode}) wrote no screenshot: {output.Result} {error.Result}");
    }

    private static string? FindChromium()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    // Pixels within a small distance of the color: the fully covered middle of a line, not its blended edges.
    private static int Count(Png image, string color)
    {
        var (red, green, blue) = (Convert.ToInt32(color[1..3], 16), Convert.ToInt32(color[3..5], 16), Convert.ToInt32(color[5..7], 16));
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image[x, y];
                if (Math.Abs(pixel.Red - red) <= 12 && Math.Abs(pixel.Green - green) <= 12 && Math.Abs(pixel.Blue - blue) <= 12)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
