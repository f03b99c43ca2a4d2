using System.Globalization;
using System.Text;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Infrastructure.Reporting.HtmlText;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>
/// Open findings after each scan as an inline SVG line chart: no script, no external resource, same
/// output for the same points (invariant numbers), so it prints and diffs. Scans are spaced evenly, not
/// by time: scans come on a timer and on changes, and time spacing would bunch the change-driven ones
/// into one blot. Each point's tooltip gives the scan's time and counts.
/// </summary>
public static class TrendChart
{
    private const int Width = 640, Height = 180, Left = 44, Right = 16, Top = 14, Bottom = 26;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public static string Render(IReadOnlyList<TrendPoint> points)
    {
        if (points.Count == 0) return "<p class=\"note\" id=\"trend-empty\">No complete scan in this period: no trend to draw.</p>";
        var top = Math.Max(1, points.Max(p => p.Open));
        var coordinates = points.Select((p, i) => (Point: p, X: X(i, points.Count), Y: Top + PlotHeight - (double)p.Open / top * PlotHeight)).ToArray();
        var first = points[0].StartedAt;
        var last = points[^1].StartedAt;

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"trend\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"trend-title\">");
        svg.Append($"<title id=\"trend-title\">Open findings after each of the last {points.Count} complete scan(s), {Minute(first)} to {Minute(last)} UTC; now {points[^1].Open}</title>");
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + PlotHeight}\"/>");
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + PlotHeight}\"/>");
        svg.Append($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{top}</text><text x=\"{Left - 6}\" y=\"{Top + PlotHeight}\" text-anchor=\"end\">0</text>");
        if (points.Count == 1)
        {
            svg.Append($"<text x=\"{N(coordinates[0].X)}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Minute(first)}</text>");
        }
        else
        {
            svg.Append($"<text x=\"{Left}\" y=\"{Height - 6}\">{Minute(first)}</text><text x=\"{Width - Right}\" y=\"{Height - 6}\" text-anchor=\"end\">{Minute(last)}</text>");
            svg.Append($"<polyline class=\"line\" points=\"{string.Join(' ', coordinates.Select(c => $"{N(c.X)},{N(c.Y)}"))}\"/>");
        }
        foreach (var (point, x, y) in coordinates)
            svg.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3.5\"><title>{E(Tooltip(point))}</title></circle>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double X(int index, int count) => count == 1 ? Left + PlotWidth / 2.0 : Left + (double)index * PlotWidth / (count - 1);

    private static string Tooltip(TrendPoint point) =>
        $"{Minute(point.StartedAt)} UTC: {point.Open} open ("
        + string.Join(", ", new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low }.Select(s => $"{point.OpenBySeverity.GetValueOrDefault(s)} {Id(s)}"))
        + $"), scan {point.ScanId}";

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
