using System.Text;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Infrastructure.Reporting.HtmlText;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>The report's history section (trend, recently resolved) and the ledger's dates for one finding.</summary>
internal static class HistoryPanel
{
    public static void Render(StringBuilder html, ReportHistory history)
    {
        html.Append("<section id=\"history\"><h2>History</h2>\n");
        switch (history.Source)
        {
            case HistorySource.NoLedger:
                html.Append("<p id=\"no-ledger\">No ledger configured: this page shows one scan. With a findings ledger (<code>--store</code>, or <code>Storage:ConnectionString</code>) it also shows when each finding was first seen, what was resolved or remediated, and the trend of open findings.</p>\n</section>\n");
                return;
            case HistorySource.LedgerUnreadable:
                html.Append($"<p class=\"banner\">The findings ledger could not be read: {E(history.Problem ?? "unknown error")}. The scan above stands; its history is missing from this page.</p>\n</section>\n");
                return;
        }

        var days = (int)ReportHistory.Window.TotalDays;
        html.Append($"<h3>Open findings, last {days} days</h3>\n<p class=\"note\">One point per complete scan since {Minute(history.Since)} UTC ({history.Trend.Count}{(history.Trend.Count == ReportHistory.MaxTrendPoints ? ", the most recent" : "")}), oldest on the left, evenly spaced; hover a point for its counts.");
        if (history.IncompleteScans > 0) html.Append($" {history.IncompleteScans} incomplete scan(s) in the period are not plotted: they could not see the tenant.");
        html.Append("</p>\n").Append(TrendChart.Render(history.Trend)).Append('\n');

        html.Append($"<h3>Resolved or remediated, last {days} days ({history.RecentlyClosed.Count})</h3>\n");
        if (history.RecentlyClosed.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }
        html.Append("<div data-group><table id=\"recently-closed\"><thead><tr><th>Status</th><th>Severity</th><th>Subject</th><th>Summary</th><th>First seen</th><th>Closed</th><th>Scans seen</th></tr></thead><tbody>\n");
        foreach (var entry in history.RecentlyClosed)
        {
            var finding = entry.Finding;
            html.Append($"<tr data-filterable data-severity=\"{Id(finding.Severity)}\"><td>{Badge(Id(entry.Status), Id(entry.Status))}</td><td>{Badge(Id(finding.Severity), Id(finding.Severity))}</td>");
            html.Append($"<td>{E(finding.SubjectName)}<br><small>{E(finding.RuleId)}</small></td><td>{E(finding.Summary)}</td>");
            html.Append($"<td>{Minute(entry.FirstSeen)}</td><td>{(entry.ResolvedAt is { } closed ? Minute(closed) : "")}</td><td>{entry.Occurrences}</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n</section>\n");
    }

    /// <summary>The "First seen" cell of a finding of this scan: since when the ledger has known it, and how often it was seen.</summary>
    public static string FirstSeenCell(ReportHistory history, Finding finding, string scanId) => history.Find(finding.Fingerprint) switch
    {
        null => "<td><small>not in the ledger</small></td>",
        { Occurrences: 1 } entry when entry.LastScanId == scanId => $"<td>{Minute(entry.FirstSeen)} {Badge("new", "new")}</td>",
        var entry => $"<td>{Minute(entry.FirstSeen)}<br><small>seen in {entry.Occurrences} scans</small></td>",
    };
}
