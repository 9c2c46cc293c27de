// The report page: one HTML file with its CSS inline and its charts as inline SVG, no scripts, fonts or
// links, so that it opens anywhere, offline, and can be mailed or archived as one file. Written as XHTML
// (every element closed, only XML's entities), so that it also parses as XML. Sections: runs and their
// headline numbers, charts, configs side by side with differing rows highlighted, latest sample translations.
using System.Globalization;
using System.Net;
using System.Text;

namespace Ramp.Cli.Reports;

/// <summary>Writes a report's HTML.</summary>
public static class ReportHtml
{
    private const string Style = """
        body { font-family: system-ui, "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 14px; margin: 24px; color: #222222; background: #fafafa; }
        h1 { font-size: 22px; margin: 0 0 6px; }
        h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #dddddd; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p { margin: 6px 0; }
        table { border-collapse: collapse; background: white; display: block; max-width: 100%; overflow-x: auto; }
        th, td { border: 1px solid #dddddd; padding: 4px 8px; text-align: left; vertical-align: top; }
        thead th { background: #f0f0f0; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(820px, 1fr)); gap: 16px; }
        figure { margin: 0; padding: 8px; width: fit-content; max-width: 100%; box-sizing: border-box; background: white; border: 1px solid #dddddd; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 13px; color: #555555; margin: 4px 8px; max-width: 800px; }
        .run { white-space: nowrap; }
        table.config td, table.config th.field { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; max-width: 460px; overflow-wrap: anywhere; }
        table.config th.field { font-weight: normal; }
        tr.differs td, tr.differs th { background: #fff1b8; }
        td.missing, td.empty { color: #999999; }
        .differing { color: #555555; }
        ul.notes { color: #8a4b00; padding-left: 20px; }
        footer { margin-top: 32px; font-size: 12px; color: #777777; }
        """;

    /// <summary>The whole page.</summary>
    /// <param name="runs">The runs, in color order.</param>
    /// <param name="charts">The charts, in page order.</param>
    /// <param name="notes">Lines on what the report left out or could not show.</param>
    public static string Render(IReadOnlyList<ReportRun> runs, IReadOnlyList<ReportChart> charts, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(notes);
        var html = new StringBuilder();
        var names = string.Join(", ", runs.Select(run => run.Label));
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Ramp report: {Encode(names)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Ramp report: {Encode(names)}</h1>\n");
        html.Append(runs.Count == 1 ? "<p>One run.</p>\n" : $"<p>{runs.Count} runs, each in its own color in every chart and table.</p>\n");
        if (notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(note)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        Summary(html, runs);
        html.Append("<h2 id=\"charts\">Charts</h2>\n<div class=\"charts\">\n");
        foreach (var chart in charts)
        {
            html.Append("<figure>\n").Append(chart.Svg);
            html.Append(CultureInfo.InvariantCulture, $"<figcaption>{Encode(chart.Caption)}</figcaption>\n</figure>\n");
        }

        html.Append("</div>\n");
        Config(html, runs);
        Samples(html, runs);
        html.Append("<footer>Written by ramp report: one file, with no scripts, fonts or links to fetch.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, IReadOnlyList<ReportRun> runs)
    {
        html.Append("<h2 id=\"runs\">Runs</h2>\n<table class=\"summary\">\n<thead><tr>");
        foreach (var heading in new[] { "run", "steps", "elapsed", "final train loss", "best validation loss", "best BLEU", "tokens/s (median)", "skipped updates", "schedule" })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{heading}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var summary = RunSummary.Of(run);
            var planned = run.Config.Training.Steps > 0
                ? $"{summary.LastStep} of {run.Config.Training.Steps}"
                : $"{summary.LastStep} ({run.Config.Training.Epochs} epochs)";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th title=\"{Encode(run.Directory.Path)}\">{RunName(run, i)}</th>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{planned}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{Cell(summary.Elapsed, Duration)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{Cell(summary.FinalTrainLoss, value => value.ToString("F3", CultureInfo.InvariantCulture))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{AtStep(summary.BestValidationLoss, "F3")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{AtStep(summary.BestBleu, "F2")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{Cell(summary.TokensPerSecond, value => value.ToString("N0", CultureInfo.InvariantCulture))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{summary.SkippedUpdates}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Encode(run.Config.Schedule)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Config(StringBuilder html, IReadOnlyList<ReportRun> runs)
    {
        var rows = ConfigTable.Build([.. runs.Select(run => run.Config)]);
        var differing = runs.Count > 1 ? rows.Where(row => row.Differs).Select(row => row.Path).ToList() : [];
        html.Append("<h2 id=\"config\">Configuration</h2>\n");
        if (runs.Count > 1)
        {
            html.Append(differing.Count == 0
                ? "<p>The runs have the same configuration.</p>\n"
                : $"<p class=\"differing\">{differing.Count} of {rows.Count} fields differ (highlighted): {Encode(string.Join(", ", differing))}.</p>\n");
        }

        html.Append("<table class=\"config\">\n<thead><tr><th>field</th>");
        for (var i = 0; i < runs.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{RunName(runs[i], i)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(runs.Count > 1 && row.Differs ? "<tr class=\"differs\">" : "<tr>");
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"field\">{Encode(row.Path)}</th>");
            foreach (var value in row.Values)
            {
                html.Append(value switch
                {
                    null => "<td class=\"missing\">(not set)</td>",
                    "" => "<td class=\"empty\">(empty)</td>",
                    _ => $"<td>{Encode(value)}</td>",
                });
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Samples(StringBuilder html, IReadOnlyList<ReportRun> runs)
    {
        html.Append("<h2 id=\"samples\">Sample translations</h2>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var latest = run.Evaluations.LastOrDefault(evaluation => evaluation.Samples.Count > 0);
            if (latest is null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{RunName(run, i)}</h3>\n<p>No sample translations logged yet.</p>\n");
                continue;
            }

            var target = run.Config.Data.Language.Replace('_', '-');
            html.Append(CultureInfo.InvariantCulture, $"<h3>{RunName(run, i)}, at step {latest.Step}</h3>\n");
            html.Append("<table class=\"samples\">\n<thead><tr><th>source</th><th>reference</th><th>hypothesis</th></tr></thead>\n<tbody>\n");
            foreach (var sample in latest.Samples)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(sample.Source)}</td><td lang=\"{Encode(target)}\">{Encode(sample.Reference)}</td><td lang=\"{Encode(target)}\">{Encode(sample.Hypothesis)}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    private static string RunName(ReportRun run, int index)
        => $"<span class=\"run\"><span class=\"swatch\" style=\"background: {ReportCharts.ColorOf(index)}\"></span>{Encode(run.Label)}</span>";

    private static string Cell(double? value, Func<double, string> format) => value is { } number ? format(number) : "–";

    private static string AtStep((double Value, long Step)? best, string format)
        => best is var (value, step) ? $"{value.ToString(format, CultureInfo.InvariantCulture)} at step {step}" : "–";

    // 42.0 s, 3 min 05 s, 2 h 07 min.
    private static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{seconds.ToString("F1", CultureInfo.InvariantCulture)} s",
        < 3600 => $"{(int)(seconds / 60)} min {(int)(seconds % 60):00} s",
        _ => $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
