using System.Globalization;
using System.Text.RegularExpressions;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Tests;

public sealed class TrendChartTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T08:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void No_scan_draws_no_chart_and_says_why()
    {
        var html = TrendChart.Render([]);

        Assert.DoesNotContain("<svg", html);
        Assert.Contains("No complete scan in this period", html);
    }

    [Fact]
    public void One_scan_is_one_centred_point_without_a_line()
    {
        var svg = TrendChart.Render([Point("s1", 0, high: 3)]);

        Assert.Single(Regex.Matches(svg, "<circle "));
        Assert.DoesNotContain("<polyline", svg);
        Assert.Contains("cx=\"334\" cy=\"14\"", svg); // the middle of the plot, at the top: the only value is the maximum
        Assert.Contains("<title>2026-03-01 08:00 UTC: 3 open (0 critical, 3 high, 0 medium, 0 low), scan s1</title>", svg);
    }

    [Fact]
    public void Scans_are_spaced_evenly_oldest_left_with_height_proportional_to_open_findings()
    {
        var svg = TrendChart.Render([Point("s1", 0, high: 4), Point("s2", 1, high: 2), Point("s3", 30, high: 0)]);

        Assert.Contains("<polyline class=\"line\" points=\"44,14 334,84 624,154\"/>", svg);
        Assert.Contains(">2026-03-01 08:00</text>", svg);
        Assert.Contains(">2026-03-31 08:00</text>", svg);
        Assert.Contains("now 0</title>", svg);
    }

    [Fact]
    public void The_same_points_give_the_same_svg_whatever_the_culture_decimal_separator()
    {
        TrendPoint[] points = [Point("s1", 0, high: 3), Point("s2", 1, high: 1), Point("s3", 2, high: 2)];
        var invariant = TrendChart.Render(points);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A comma separator, as in de-DE (built by hand: test machines may run globalization-invariant).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(invariant, TrendChart.Render(points));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.Contains("points=\"44,14 334,107.3 624,60.7\"", invariant);
    }

    [Fact]
    public void Text_from_the_ledger_is_encoded()
    {
        var svg = TrendChart.Render([Point(HostileReport.ScriptName, 0, high: 1)]);

        Assert.DoesNotContain(HostileReport.ScriptName, svg);
        Assert.Contains("scan &lt;script&gt;alert(1)&lt;/script&gt;</title>", svg);
    }

    private static TrendPoint Point(string scanId, int day, int high) =>
        new(scanId, Start.AddDays(day), new Dictionary<Severity, int> { [Severity.High] = high });
}
