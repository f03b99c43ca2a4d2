using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>
/// One scan: read the tenant, evaluate coverage and rules, report. A read that fails makes the scan
/// incomplete: no admins, no findings, nothing concluded. The engine does not know which host runs it.
/// </summary>
public sealed class WatchdogEngine(IDirectoryReader reader, TimeProvider clock)
{
    public async Task<ScanReport> ScanAsync(WatchdogConfig config, CancellationToken cancellationToken)
    {
        var scanId = Guid.NewGuid().ToString();
        var startedAt = clock.GetUtcNow();
        Directory.TenantSnapshot snapshot;
        try
        {
            snapshot = await reader.ReadAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryReadException ex)
        {
            return new ScanReport(ex.TenantId ?? "", scanId, startedAt, clock.GetUtcNow(), Complete: false, [], [], [])
            {
                Error = ex.Message,
            };
        }

        var evaluation = ScanEvaluator.Evaluate(snapshot, config, startedAt);
        return new ScanReport(snapshot.TenantId, scanId, startedAt, clock.GetUtcNow(), Complete: true,
            evaluation.Admins, evaluation.Findings, []);
    }
}
