using System.Globalization;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Tests;

public sealed class ReportHistoryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-31T12:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void The_trend_has_the_complete_scans_of_the_window_oldest_first_and_counts_the_incomplete_ones()
    {
        var history = ReportHistory.From([], [
            HostileReport.Scan("latest", Now.AddHours(-1), high: 1),
            HostileReport.Scan("failed", Now.AddHours(-2), high: 0) with { Complete = false },
            HostileReport.Scan("earlier", Now.AddDays(-3), high: 5),
            HostileReport.Scan("too-old", Now.AddDays(-31), high: 9),
        ], Now);

        Assert.Equal(["earlier", "latest"], history.Trend.Select(p => p.ScanId));
        Assert.Equal([6, 2], history.Trend.Select(p => p.Open)); // high + the one critical of every record
        Assert.Equal(1, history.IncompleteScans);
        Assert.Equal(Now.AddDays(-30), history.Since);
    }

    [Fact]
    public void A_long_history_keeps_the_most_recent_scans_on_the_chart()
    {
        var scans = Enumerable.Range(0, 100).Select(i => HostileReport.Scan($"s{i:D3}", Now.AddHours(-i), high: i));

        var trend = ReportHistory.From([], scans, Now).Trend;

        Assert.Equal(ReportHistory.MaxTrendPoints, trend.Count);
        Assert.Equal("s059", trend[0].ScanId);
        Assert.Equal("s000", trend[^1].ScanId);
    }

    [Fact]
    public void Recently_closed_are_the_resolved_and_remediated_findings_of_the_window_newest_first()
    {
        var history = ReportHistory.From([
            Entry("open", FindingStatus.Open, resolvedAt: null),
            Entry("resolved-old", FindingStatus.Resolved, Now.AddDays(-40)),
            Entry("resolved", FindingStatus.Resolved, Now.AddDays(-2)),
            Entry("remediated", FindingStatus.Remediated, Now.AddHours(-1)),
        ], [], Now);

        Assert.Equal(["remediated", "resolved"], history.RecentlyClosed.Select(e => e.Fingerprint));
        Assert.Equal(FindingStatus.Open, history.Find("open")?.Status);
        Assert.NotNull(history.Find("resolved-old"));
        Assert.Null(history.Find("never-seen"));
    }

    private static LedgerEntry Entry(string fingerprint, FindingStatus status, DateTimeOffset? resolvedAt) =>
        new(HostileReport.Model().Findings[0] with { Fingerprint = fingerprint }, status, Now.AddDays(-50), Now.AddDays(-3), resolvedAt, 2, "scan-x");
}
