using System.Text.Json;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Reporting;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;

/// <summary>
/// The routes people and automation call: <c>POST /api/scan[?dryRun=true]</c>, <c>GET /api/findings[?status=]</c>,
/// <c>GET /api/report</c> (behind the function key) and <c>GET /api/health</c> (anonymous: it says nothing about the tenant).
/// </summary>
public sealed class ScanEndpoints(WatchdogRuntime runtime)
{
    /// <summary>A full scan now; answers the scan report contract (200), or 503 with the report when it was incomplete.</summary>
    public async Task<HostResponse> ScanAsync(string? dryRun, CancellationToken cancellationToken)
    {
        if (!TryParseFlag(dryRun, out var isDryRun)) return HostResponse.Error(400, "dryRun must be true or false");
        var outcome = await runtime.ScanAsync(ScanTriggers.Http, isDryRun, cancellationToken).ConfigureAwait(false);
        return HostResponse.Json(outcome.Report.Complete ? 200 : 503, ScanReportJson.Serialize(outcome.Report));
    }

    /// <summary>
    /// The HTML coverage report of the tenant as it is now, with the ledger's history: a read-only scan
    /// (nothing fixed, nothing recorded), so looking at the page changes nothing.
    /// </summary>
    public async Task<HostResponse> ReportAsync(CancellationToken cancellationToken)
    {
        var report = await runtime.ReadOnlyScanAsync(cancellationToken).ConfigureAwait(false);
        var page = await HtmlReport.RenderAsync(report, runtime.Ledger, runtime.Clock, cancellationToken).ConfigureAwait(false);
        return new HostResponse(report.Complete ? 200 : 503, HostResponse.HtmlType, page);
    }

    /// <summary>The ledger's findings of the tenant, newest first; <paramref name="status"/>: open, resolved or remediated.</summary>
    public async Task<HostResponse> FindingsAsync(string? status, CancellationToken cancellationToken)
    {
        FindingStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<FindingStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                return HostResponse.Error(400, "status must be open, resolved or remediated");
            wanted = parsed;
        }
        if (runtime.Ledger is not { } ledger) return HostResponse.Error(404, "no findings ledger is configured (Storage:ConnectionString or Storage:TableServiceUri)");
        if (runtime.TenantId is not { } tenant) return HostResponse.Error(503, "the tenant is not known yet: set Graph:TenantId or wait for the first scan");
        try
        {
            return HostResponse.Json(200, LedgerJson.Serialize(await ledger.ListAsync(tenant, wanted, cancellationToken).ConfigureAwait(false)));
        }
        catch (FindingStoreException failure)
        {
            return HostResponse.Error(503, failure.Message);
        }
    }

    /// <summary>Whether the watchdog runs and how its last scan went: times and completeness only, never tenant data.</summary>
    public async Task<HostResponse> HealthAsync(CancellationToken cancellationToken)
    {
        var last = runtime.Last ?? await LastRecordedAsync(cancellationToken).ConfigureAwait(false);
        var body = new
        {
            status = last is null || last.Complete ? "ok" : "degraded",
            lastScan = last is null ? null : new { trigger = last.Trigger, startedAt = last.StartedAt, completedAt = last.CompletedAt, complete = last.Complete },
        };
        return HostResponse.Json(200, JsonSerializer.Serialize(body, ScanReportJson.Options));
    }

    // Another instance may have scanned (Functions scale out): the ledger knows, if there is one.
    private async Task<LastScan?> LastRecordedAsync(CancellationToken cancellationToken)
    {
        if (runtime.Ledger is not { } ledger || runtime.TenantId is not { } tenant) return null;
        try
        {
            var scans = await ledger.ListScansAsync(tenant, runtime.Clock.GetUtcNow().AddDays(-1), cancellationToken).ConfigureAwait(false);
            return scans.FirstOrDefault() is { } scan ? new LastScan(tenant, scan.Trigger, scan.StartedAt, scan.CompletedAt, scan.Complete) : null;
        }
        catch (FindingStoreException)
        {
            return null;
        }
    }

    private static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        return text is null || bool.TryParse(text, out value);
    }
}
