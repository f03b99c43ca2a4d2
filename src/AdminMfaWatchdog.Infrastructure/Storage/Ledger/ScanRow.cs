using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>
/// A WatchdogScans row: PartitionKey tenant id, RowKey scan id; ScanId, Trigger, StartedAt, CompletedAt,
/// Complete, Error (absent when none), one Admins{Coverage} and one Findings{Severity} count per value
/// (AdminsNotCovered, FindingsCritical...), and the Opened, Reopened, Resolved, Remediated transition counts.
/// </summary>
internal static class ScanRow
{
    public static TableEntity ToEntity(ScanRecord scan)
    {
        var entity = new TableEntity(LedgerKeys.Require(scan.TenantId, nameof(scan.TenantId)), LedgerKeys.Require(scan.ScanId, nameof(scan.ScanId)))
        {
            ["ScanId"] = scan.ScanId,
            ["Trigger"] = scan.Trigger,
            ["StartedAt"] = scan.StartedAt,
            ["CompletedAt"] = scan.CompletedAt,
            ["Complete"] = scan.Complete,
            ["Opened"] = scan.Opened,
            ["Reopened"] = scan.Reopened,
            ["Resolved"] = scan.Resolved,
            ["Remediated"] = scan.Remediated,
        };
        foreach (var coverage in Enum.GetValues<Coverage>())
        {
            entity[$"Admins{coverage}"] = scan.AdminsByCoverage.GetValueOrDefault(coverage);
        }

        foreach (var severity in Enum.GetValues<Severity>())
        {
            entity[$"Findings{severity}"] = scan.FindingsBySeverity.GetValueOrDefault(severity);
        }

        if (scan.Error is not null)
        {
            entity["Error"] = scan.Error;
        }

        return entity;
    }
}
