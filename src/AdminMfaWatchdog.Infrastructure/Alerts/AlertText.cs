using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Infrastructure.Alerts;

/// <summary>The words Teams and email share, so both channels say the same thing. Plain text: each channel escapes it.</summary>
internal static class AlertText
{
    public const string Product = "AdminMfaWatchdog";

    public static string Title(AlertBatch batch)
    {
        var tenant = TenantLabel(batch.TenantId);
        if (batch.Kind == AlertBatchKind.Digest)
            return $"{Product} daily digest: {Count(batch.Items.Count, "finding")} still open in tenant {tenant}";
        var changes = batch.Items.Count(item => item.Kind != AlertKind.ScanIncomplete);
        return batch.Complete
            ? $"{Product}: {Count(changes, "change")} in tenant {tenant}"
            : $"{Product}: the scan of tenant {tenant} could not complete" + (changes > 0 ? $"; {Count(changes, "change")}" : "");
    }

    /// <summary>"2 critical, 1 high": the severities of a batch, most severe first, for a subject line.</summary>
    public static string SeverityCounts(AlertBatch batch) => string.Join(", ", batch.Items
        .GroupBy(item => item.Severity)
        .OrderByDescending(group => group.Key)
        .Select(group => $"{group.Count()} {SeverityLabel(group.Key).ToLowerInvariant()}"));

    public static string Context(AlertBatch batch) =>
        $"Tenant {TenantLabel(batch.TenantId)} · scan {batch.ScanId} · {batch.ScanTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC";

    public static string KindLabel(AlertKind kind) => kind switch
    {
        AlertKind.ScanIncomplete => "Scan incomplete",
        AlertKind.ActionFailed => "Remediation failed",
        AlertKind.ActionBlocked => "Remediation blocked",
        AlertKind.Opened => "Opened",
        AlertKind.Reopened => "Reopened",
        AlertKind.Remediated => "Remediated",
        AlertKind.Resolved => "Resolved",
        AlertKind.StillOpen => "Still open",
        _ => kind.ToString(),
    };

    public static string SeverityLabel(Severity severity) => severity.ToString();

    public static string Rule(AlertItem item) => item.RuleId is null ? "—" : $"{item.RuleTitle} ({item.RuleId})";

    public static string Subject(AlertSubject? subject) =>
        subject is null ? "—" : $"{subject.Name} ({subject.Type.ToString().ToLowerInvariant()} {subject.Id})";

    public static string Reason(AlertItem item) => item.Reasons.Count == 0 ? item.Summary : $"{item.Summary}: {string.Join("; ", item.Reasons)}";

    public static string Action(AlertAction? action) =>
        action is null ? "none" : $"{action.Kind} {action.Status.ToString().ToLowerInvariant()}: {action.Detail}";

    private static string TenantLabel(string tenantId) => tenantId.Length == 0 ? "(unknown)" : tenantId;

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
