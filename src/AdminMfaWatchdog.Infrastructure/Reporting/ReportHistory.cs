using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>Whether the page has a ledger to tell the history from.</summary>
public enum HistorySource { NoLedger, LedgerUnreadable, Ledger }

/// <summary>One complete scan on the trend chart: how many findings it left open, by severity.</summary>
public sealed record TrendPoint(string ScanId, DateTimeOffset StartedAt, IReadOnlyDictionary<Severity, int> OpenBySeverity)
{
    public int Open => OpenBySeverity.Values.Sum();
}

/// <summary>
/// What the report page shows from the findings ledger, built from what the ledger returned (pure: the
/// reading is <see cref="HtmlReport"/>'s). A scan's findings are the findings open after it, so the
/// trend is drawn from the scan records; incomplete scans are left off it (they saw nothing, which is
/// not "nothing open") and only counted.
/// </summary>
public sealed record ReportHistory(
    HistorySource Source,
    string? Problem,
    DateTimeOffset Since,
    IReadOnlyDictionary<string, LedgerEntry> ByFingerprint,
    IReadOnlyList<LedgerEntry> RecentlyClosed,
    IReadOnlyList<TrendPoint> Trend,
    int IncompleteScans)
{
    /// <summary>How far back the trend and "recently resolved" reach.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>At most this many scans on the chart (the most recent); a scan every 15 minutes would otherwise draw thousands.</summary>
    public const int MaxTrendPoints = 60;

    public static ReportHistory NoLedger { get; } = Empty(HistorySource.NoLedger, null, DateTimeOffset.MinValue);

    public static ReportHistory Unreadable(string problem, DateTimeOffset now) => Empty(HistorySource.LedgerUnreadable, problem, now - Window);

    public static ReportHistory From(IEnumerable<LedgerEntry> entries, IEnumerable<ScanRecord> scans, DateTimeOffset now)
    {
        var since = now - Window;
        var all = entries.ToArray();
        var closed = all
            .Where(e => e.Status != FindingStatus.Open && e.ResolvedAt >= since)
            .OrderByDescending(e => e.ResolvedAt).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToArray();
        var recent = scans.Where(s => s.StartedAt >= since).ToArray();
        var trend = recent.Where(s => s.Complete)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.ScanId, StringComparer.Ordinal)
            .TakeLast(MaxTrendPoints)
            .Select(s => new TrendPoint(s.ScanId, s.StartedAt, Enum.GetValues<Severity>().ToDictionary(v => v, v => s.FindingsBySeverity.GetValueOrDefault(v))))
            .ToArray();
        return new ReportHistory(HistorySource.Ledger, null, since,
            all.ToDictionary(e => e.Fingerprint, StringComparer.Ordinal), closed, trend, recent.Count(s => !s.Complete));
    }

    public LedgerEntry? Find(string fingerprint) => ByFingerprint.GetValueOrDefault(fingerprint);

    private static ReportHistory Empty(HistorySource source, string? problem, DateTimeOffset since) =>
        new(source, problem, since, new Dictionary<string, LedgerEntry>(), [], [], 0);
}
