// The charts of a run report, each one SVG with every run overlaid in its own color (run i takes palette
// color i): learning rate per parameter group, training and validation loss together (the gap between them
// is what warmup choices are judged by), gradient norm before clipping on a log axis (spikes span decades),
// BLEU and throughput. All share one step axis, from 0 to the last logged or planned step of the longest
// run, so that they line up. A chart with nothing to draw says why across its plot.
using Ramp.Cli.Charts;
using Ramp.Training.Optimizers;

namespace Ramp.Cli.Reports;

/// <summary>One chart of a report.</summary>
/// <param name="Id">The svg element's id, unique in the page.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Caption">A sentence under the chart on how to read it.</param>
/// <param name="Svg">The SVG text.</param>
public sealed record ReportChart(string Id, string Title, string Caption, string Svg);

/// <summary>Draws the charts of a report.</summary>
public static class ReportCharts
{
    // Parameter group k of a run is drawn with dash pattern k (the first solid).
    private static readonly string?[] GroupDashes = [null, "7 4", "2 3", "9 3 2 3"];

    private const string ValidationDash = "6 4";

    /// <summary>The color of run <paramref name="index"/>.</summary>
    public static string ColorOf(int index) => SvgChart.Colors[index % SvgChart.Colors.Count];

    /// <summary>The charts of <paramref name="runs"/>, in page order.</summary>
    /// <param name="runs">The runs, in color order.</param>
    /// <param name="logLearningRate">Whether the learning rate axis is logarithmic.</param>
    public static IReadOnlyList<ReportChart> Build(IReadOnlyList<ReportRun> runs, bool logLearningRate)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var x = Axis.Steps(runs.Max(run => Math.Max(run.LastStep, run.Config.Training.Steps)));
        return
        [
            LearningRate(runs, x, logLearningRate),
            Loss(runs, x),
            Chart(
                "grad-norm", "Gradient norm", "norm", runs, x, logarithmic: true,
                "The global gradient norm before clipping, at each logged step; clipping (training.clip) caps the update, not this value.",
                (run, color) => [Line(run.Label, run.Steps.Select(step => (step.Step, step.GradNorm)), true, new LineStyle(color))],
                "no training steps logged yet"),
            Chart(
                "bleu", "Validation BLEU", "BLEU", runs, x, logarithmic: false,
                "BLEU of the decoded validation sentences at each evaluation (evaluation.bleu_sentences of them).",
                (run, color) => [Line(run.Label, run.Evaluations.Where(evaluation => evaluation.Bleu is not null).Select(evaluation => (evaluation.Step, evaluation.Bleu!.Value)), false, new LineStyle(color, Markers: true))],
                "no BLEU logged yet"),
            Chart(
                "tokens-per-second", "Throughput", "target tokens per second", runs, x, logarithmic: false,
                "Target tokens processed per second over each logging interval.",
                (run, color) => [Line(run.Label, run.Steps.Select(step => (step.Step, step.TokensPerSecond)), false, new LineStyle(color))],
                "no training steps logged yet"),
        ];
    }

    private static ReportChart LearningRate(IReadOnlyList<ReportRun> runs, Axis x, bool logarithmic)
        => Chart(
            "learning-rate", "Learning rate", "learning rate", runs, x, logarithmic,
            "The rate of each parameter group at each logged step; a run whose groups share one rate draws one line.",
            (run, color) =>
            {
                var groups = run.Steps.Count == 0 ? 0 : run.Steps.Max(step => step.Lr.Count);
                var shared = run.Steps.All(step => step.Lr.All(rate => rate.Equals(step.Lr[0])));
                if (groups <= 1 || shared)
                {
                    return [Line(run.Label, run.Steps.Where(step => step.Lr.Count > 0).Select(step => (step.Step, step.Lr[0])), logarithmic, new LineStyle(color))];
                }

                return [.. Enumerable.Range(0, groups).Select(group => Line(
                    $"{run.Label} · {GroupName(group, groups)}",
                    run.Steps.Where(step => step.Lr.Count > group).Select(step => (step.Step, step.Lr[group])),
                    logarithmic,
                    new LineStyle(color, GroupDashes[group % GroupDashes.Length])))];
            },
            "no training steps logged yet");

    private static ReportChart Loss(IReadOnlyList<ReportRun> runs, Axis x)
        => Chart(
            "loss", "Training and validation loss", "loss", runs, x, logarithmic: false,
            "Solid: training loss, the mean since the previous logged step, with label smoothing. "
            + "Dashed with dots: validation loss at each evaluation, without smoothing.",
            (run, color) =>
            [
                Line($"{run.Label} · train", run.Steps.Select(step => (step.Step, step.Loss)), false, new LineStyle(color)),
                Line($"{run.Label} · validation", run.Evaluations.Select(evaluation => (evaluation.Step, evaluation.ValLoss)), false, new LineStyle(color, ValidationDash, Markers: true)),
            ],
            "no losses logged yet",
            fromZero: false);

    // The trainer's two groups are WeightDecayGrouping's, in its order; other counts are numbered.
    private static string GroupName(int group, int count) => count == 2
        ? (group == 0 ? WeightDecayGrouping.DecayGroupName : WeightDecayGrouping.NoDecayGroupName)
        : $"group {group}";

    private static PlotSeries Line(string name, IEnumerable<(long Step, double Value)> values, bool logarithmic, LineStyle style)
        => PlotSeries.FromValues(name, [.. values], logarithmic).WithStyle(style);

    private static ReportChart Chart(
        string id,
        string title,
        string yTitle,
        IReadOnlyList<ReportRun> runs,
        Axis x,
        bool logarithmic,
        string caption,
        Func<ReportRun, string, IReadOnlyList<PlotSeries>> linesOf,
        string emptyNote,
        bool fromZero = true)
    {
        var lines = runs.SelectMany((run, index) => linesOf(run, ColorOf(index))).Where(line => line.Points.Count > 0).ToList();
        var values = lines.SelectMany(line => line.Points).Select(point => point.Value).ToList();
        var y = values.Count == 0
            ? (logarithmic ? Axis.Log(0.1, 10) : Axis.Linear(0, 1))
            : (logarithmic ? Axis.Log(values.Min(), values.Max()) : Axis.Linear(values.Min(), values.Max(), fromZero: fromZero));
        var svg = SvgChart.Render(title, yTitle, lines, x, y, id, values.Count == 0 ? emptyNote : null);
        return new ReportChart(id, title, caption, svg);
    }
}
