using System.Text.Json;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>Ledger entries as JSON, the same for <c>watchdog findings --format json</c> and <c>GET /api/findings</c>.</summary>
public static class LedgerJson
{
    public static string Serialize(IReadOnlyList<LedgerEntry> entries) => JsonSerializer.Serialize(entries.Select(e => new
    {
        e.Fingerprint, e.Finding.RuleId, e.Finding.Severity, e.Finding.SubjectType, e.Finding.SubjectId, e.Finding.SubjectName,
        e.Finding.PolicyId, e.Finding.Summary, e.Finding.Reasons, e.Status, e.FirstSeen, e.LastSeen, e.ResolvedAt, e.Occurrences, e.LastScanId,
    }), ScanReportJson.Options);
}
