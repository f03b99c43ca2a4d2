using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Tests.Alerts;

/// <summary>Findings, ledger entries, transitions and reports for alert tests (the Infrastructure tests link it too).</summary>
internal static class AlertKit
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static Finding Finding(string subject, Severity severity = Severity.High, string ruleId = "admin-not-covered",
        SubjectType type = SubjectType.User, string? name = null, string? policyId = null) =>
        new(ruleId, severity, type, subject, name ?? subject, policyId, $"{name ?? subject} can sign in without MFA",
            ["not targeted by any watched policy", "no other policy requires MFA", "third reason", "fourth reason"],
            FindingFingerprint.Compute(Tenant, ruleId, subject, policyId));

    public static LedgerEntry Entry(Finding finding, FindingStatus status = FindingStatus.Open) =>
        new(finding, status, Monday, Monday, status == FindingStatus.Open ? null : Monday, 1, "scan-0");

    public static FindingTransition Transition(TransitionKind kind, Finding finding) =>
        new(kind, Entry(finding, kind is TransitionKind.Resolved ? FindingStatus.Resolved : kind is TransitionKind.Remediated ? FindingStatus.Remediated : FindingStatus.Open));

    public static ScanReport Report(string scanId = "scan-1", bool complete = true, IReadOnlyList<Finding>? findings = null,
        IReadOnlyList<RemediationAction>? actions = null, string? error = null) =>
        new(Tenant, scanId, Monday, Monday.AddSeconds(5), complete, [], findings ?? [], actions ?? []) { Error = error };

    /// <summary>The transitions of a scan that opens <paramref name="count"/> high findings, one per admin.</summary>
    public static IReadOnlyList<FindingTransition> ManyOpened(int count, string namePrefix = "Admin") =>
        Enumerable.Range(0, count)
            .Select(i => Transition(TransitionKind.Opened, Finding($"{i:D8}-0000-0000-0000-000000000000", Severity.High, name: $"{namePrefix} {i:D4}")))
            .ToList();
}
