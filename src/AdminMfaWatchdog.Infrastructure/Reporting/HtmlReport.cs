using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>
/// The report page of a scan with its history, for every host (`scan --format html`, `GET /api/report`):
/// reads what the findings ledger remembers of the tenant, then renders. Call it after the run that
/// updated the ledger, so the page's dates and trend include this scan.
/// </summary>
public static class HtmlReport
{
    /// <param name="ledger">the findings ledger; null renders the scan alone, saying no ledger is configured.</param>
    /// <param name="clock">where "the last 30 days" of the trend and of the resolved findings end.</param>
    /// <remarks>A ledger that cannot be read does not fail the page: the scan is shown and the history section says why it is missing.</remarks>
    public static async Task<string> RenderAsync(ScanReport report, IFindingStore? ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(clock);
        return HtmlReportRenderer.Render(report, await ReadHistoryAsync(report, ledger, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<ReportHistory> ReadHistoryAsync(ScanReport report, IFindingStore? ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ledger is null) return ReportHistory.NoLedger;
        if (report.TenantId.Length == 0) return ReportHistory.Unreadable("the scan did not reach the tenant, so there is no tenant to look up", now);
        try
        {
            var entries = await ledger.ListAsync(report.TenantId, null, cancellationToken).ConfigureAwait(false);
            var scans = await ledger.ListScansAsync(report.TenantId, now - ReportHistory.Window, cancellationToken).ConfigureAwait(false);
            return ReportHistory.From(entries, scans, now);
        }
        catch (FindingStoreException ex)
        {
            return ReportHistory.Unreadable(ex.Message, now);
        }
    }
}
