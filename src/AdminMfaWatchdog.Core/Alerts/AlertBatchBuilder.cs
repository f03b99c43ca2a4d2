using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Rules;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>
/// Builds alert batches: from one scan (its ledger transitions, its failed and blocked actions, and whether it
/// completed), or the daily digest from the ledger's open entries. Alerts are about change: a scan that
/// completed with no transition and no failed or blocked action makes no batch.
/// </summary>
public static class AlertBatchBuilder
{
    /// <summary>Alerts show the first reasons; the ledger and the report keep them all.</summary>
    public const int MaxReasonsPerItem = 3;

    /// <summary>The batch of one scan, or null when nothing in it passes <paramref name="minimum"/>.</summary>
    public static AlertBatch? FromScan(ScanReport report, IReadOnlyList<FindingTransition> transitions, Severity minimum)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(transitions);
        var items = new List<AlertItem>();
        if (!report.Complete) items.Add(ScanIncomplete(report.Error));
        items.AddRange(transitions.Select(transition => FromFinding(
            KindOf(transition.Kind), transition.Entry.Finding, ActionFor(transition.Entry.Finding, report.Actions))));
        var findings = report.Findings.Concat(transitions.Select(transition => transition.Entry.Finding)).ToList();
        items.AddRange(report.Actions
            .Where(action => action.Status is ActionStatus.Failed or ActionStatus.Blocked)
            .Select(action => FromAction(action, findings.FirstOrDefault(finding => Concerns(action, finding)))));

        var passing = Order(items.Where(item => AlertSeverity.Passes(item, minimum)));
        return passing.Count == 0
            ? null
            : new AlertBatch(report.ScanId, AlertBatchKind.Changes, report.TenantId, report.ScanId, report.CompletedAt,
                report.Complete, report.Error, passing);
    }

    /// <summary>
    /// The digest of what is still open at <paramref name="now"/>, or null when nothing open passes
    /// <paramref name="minimum"/>. Its id names the tenant's UTC day: one digest per day.
    /// </summary>
    public static AlertBatch? Digest(string tenantId, string scanId, DateTimeOffset now, IEnumerable<LedgerEntry> entries, Severity minimum)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = Order(entries
            .Where(entry => entry.Status == FindingStatus.Open)
            .Select(entry => FromFinding(AlertKind.StillOpen, entry.Finding, action: null))
            .Where(item => AlertSeverity.Passes(item, minimum)));
        return items.Count == 0
            ? null
            : new AlertBatch(DigestId(now), AlertBatchKind.Digest, tenantId, scanId, now, Complete: true, Error: null, items);
    }

    public static string DigestId(DateTimeOffset now) => $"digest-{now.UtcDateTime:yyyy-MM-dd}";

    private static AlertKind KindOf(TransitionKind kind) => kind switch
    {
        TransitionKind.Opened => AlertKind.Opened,
        TransitionKind.Reopened => AlertKind.Reopened,
        TransitionKind.Resolved => AlertKind.Resolved,
        TransitionKind.Remediated => AlertKind.Remediated,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transition."),
    };

    private static AlertItem FromFinding(AlertKind kind, Finding finding, RemediationAction? action) => new(
        kind,
        finding.Severity,
        finding.RuleId,
        RuleCatalog.Find(finding.RuleId)?.Metadata.Title ?? finding.RuleId,
        new AlertSubject(finding.SubjectType, finding.SubjectId, finding.SubjectName),
        finding.Summary,
        finding.Reasons.Take(MaxReasonsPerItem).ToList(),
        action is null ? null : new AlertAction(action.Kind, action.Status, action.Detail),
        EntraAdminCenter.LinkFor(finding.SubjectType, finding.SubjectId));

    // A failed or blocked action is an event of its own, named after what it tried to do; its finding
    // (when this scan knows it) gives the subject and the severity.
    private static AlertItem FromAction(RemediationAction action, Finding? finding)
    {
        var kind = action.Status == ActionStatus.Failed ? AlertKind.ActionFailed : AlertKind.ActionBlocked;
        var rule = RuleCatalog.Find(action.RuleId)?.Metadata;
        if (finding is not null) return FromFinding(kind, finding, action) with { Summary = $"{action.Kind} {StatusWord(action.Status)}: {action.Detail}" };
        return new AlertItem(kind, rule?.Severity ?? Severity.High, action.RuleId, rule?.Title ?? action.RuleId, Subject: null,
            $"{action.Kind} on {action.TargetId} {StatusWord(action.Status)}: {action.Detail}", [],
            new AlertAction(action.Kind, action.Status, action.Detail), Link: null);
    }

    private static string StatusWord(ActionStatus status) => status == ActionStatus.Failed ? "failed" : "was blocked";

    private static AlertItem ScanIncomplete(string? error) => new(
        AlertKind.ScanIncomplete, Severity.High, RuleId: null, RuleTitle: null, Subject: null,
        "The scan could not complete: nothing was resolved and nothing was remediated.",
        [error ?? "no reason was given"], Action: null, Link: null);

    // Actions name their target: the finding's subject, or its policy for policy-level fixes.
    private static bool Concerns(RemediationAction action, Finding finding) =>
        action.RuleId == finding.RuleId
        && (string.Equals(action.TargetId, finding.SubjectId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(action.TargetId, finding.PolicyId, StringComparison.OrdinalIgnoreCase));

    private static RemediationAction? ActionFor(Finding finding, IReadOnlyList<RemediationAction> actions) =>
        actions.FirstOrDefault(action => Concerns(action, finding));

    private static List<AlertItem> Order(IEnumerable<AlertItem> items) => items
        .OrderByDescending(item => item.Severity)
        .ThenBy(item => item.Kind)
        .ThenBy(item => item.RuleId, StringComparer.Ordinal)
        .ThenBy(item => item.Subject?.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(item => item.Subject?.Id, StringComparer.Ordinal)
        .ToList();
}
