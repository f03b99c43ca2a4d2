using System.Text.Json.Serialization;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>The scan report contract (DESIGN.md "Scan report"): what `scan --format json` and the HTTP scan return.</summary>
public sealed record ScanReport(
    string TenantId,
    string ScanId,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    bool Complete,
    IReadOnlyList<AdminCoverage> Admins,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RemediationAction> Actions)
{
    /// <summary>Why the scan could not complete; absent from the JSON when the scan completed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>
    /// Expected vs actual exclusions, for the report page's panel. Never serialized: the JSON contract
    /// (DESIGN.md "Scan report") lists its fields, and the findings already carry every problem this shows.
    /// Null when the scan could not read the tenant.
    /// </summary>
    [JsonIgnore]
    public ExclusionReview? Exclusions { get; init; }
}

public enum Coverage { Covered, Partial, NotCovered, Exempt, Disabled }

public enum AssignmentKind { Active, Eligible }

public enum AssignmentPath { Direct, Group }

public sealed record AdminRole(
    string RoleTemplateId,
    string DisplayName,
    AssignmentKind Assignment,
    AssignmentPath Via,
    string? GroupId,
    string DirectoryScopeId);

public sealed record AdminCoverage(
    string Id,
    string? UserPrincipalName,
    [property: JsonIgnore] string? DisplayName,
    bool AccountEnabled,
    IReadOnlyList<AdminRole> Roles,
    Coverage Coverage,
    IReadOnlyList<string> CoveringPolicyIds,
    IReadOnlyList<string> Reasons);

public enum ActionStatus { Planned, Applied, Skipped, Failed, Blocked }

public sealed record RemediationAction(string RuleId, string Kind, string TargetId, ActionStatus Status, string Detail)
{
    /// <summary>The target's state before the action (for the audit trail); absent from the JSON when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Before { get; init; }

    /// <summary>The target's state read back after the action; absent from the JSON when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? After { get; init; }
}
