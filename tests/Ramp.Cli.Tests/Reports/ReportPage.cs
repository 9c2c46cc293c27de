// Loads a report as XML (it is written as XHTML) and finds its parts: the charts by id, their lines, the
// tables' rows.
using System.Xml;
using System.Xml.Linq;

namespace Ramp.Cli.Tests.Reports;

internal sealed class ReportPage(XDocument document)
{
    public static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static readonly string[] ChartIds = ["learning-rate", "loss", "grad-norm", "bleu", "tokens-per-second"];

    public XDocument Document => document;

    public static ReportPage Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return new ReportPage(XDocument.Load(reader));
    }

    public IReadOnlyList<XElement> Charts => [.. document.Descendants(Svg + "svg")];

    public XElement Chart(string id) => Charts.Single(chart => chart.Attribute("id")?.Value == id);

    public static IReadOnlyList<XElement> Paths(XElement chart) => [.. chart.Descendants(Svg + "path")];

    public static IReadOnlyList<string> Texts(XElement chart) => [.. chart.Descendants(Svg + "text").Select(text => text.Value)];

    public IReadOnlyList<XElement> Rows(string tableClass)
        => [.. document.Descendants(Html + "table").Single(table => table.Attribute("class")?.Value == tableClass)
            .Element(Html + "tbody")!.Elements(Html + "tr")];

    public static IReadOnlyList<string> Cells(XElement row) => [.. row.Elements().Select(cell => cell.Value)];
}
