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

    /// <exception cref="FindingStoreException">The row lacks a property or holds a value no scan record has.</exception>
    public static ScanRecord ToRecord(TableEntity entity, string tableName)
    {
        try
        {
            return new ScanRecord(
                entity.PartitionKey,
                Required(entity.GetString("ScanId"), "ScanId"),
                Required(entity.GetString("Trigger"), "Trigger"),
                Required(entity.GetDateTimeOffset("StartedAt"), "StartedAt"),
                Required(entity.GetDateTimeOffset("CompletedAt"), "CompletedAt"),
                Required(entity.GetBoolean("Complete"), "Complete"),
                entity.GetString("Error"),
                Enum.GetValues<Coverage>().ToDictionary(coverage => coverage, coverage => entity.GetInt32($"Admins{coverage}") ?? 0),
                Enum.GetValues<Severity>().ToDictionary(severity => severity, severity => entity.GetInt32($"Findings{severity}") ?? 0),
                entity.GetInt32("Opened") ?? 0,
                entity.GetInt32("Reopened") ?? 0,
                entity.GetInt32("Resolved") ?? 0,
                entity.GetInt32("Remediated") ?? 0);
        }
        catch (Exception problem) when (problem is FormatException or InvalidOperationException)
        {
            throw new FindingStoreException(
                $"Row '{entity.RowKey}' of tenant '{entity.PartitionKey}' in table {tableName} is not a scan row: {problem.Message}", problem);
        }
    }

    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new FormatException($"{name} is missing.");

    private static T Required<T>(T? value, string name) where T : struct =>
        value ?? throw new FormatException($"{name} is missing.");
}
