// How one series is drawn: its color, an optional dash pattern, and dots at its points (for sparse series
// such as evaluations, where a lone point would otherwise draw nothing). Series without a style take the
// chart's palette in order.
namespace Ramp.Cli.Charts;

/// <summary>The look of a line.</summary>
/// <param name="Color">A CSS color such as <c>#1f77b4</c>.</param>
/// <param name="DashArray">An SVG <c>stroke-dasharray</c> such as <c>6 4</c>, or null for a solid line.</param>
/// <param name="Markers">Whether to draw a dot at every point.</param>
public sealed record LineStyle(string Color, string? DashArray = null, bool Markers = false);
