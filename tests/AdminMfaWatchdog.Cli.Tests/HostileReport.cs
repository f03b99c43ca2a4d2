using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>Tenant data written by an attacker: a display name and a policy name that are markup.</summary>
internal static class HostileReport
{
    public const string ScriptName = "<script>alert(1)</script>";
    public const string ImageName = "<img src=x onerror=alert(2)>";
    public const string DisplayName = "Mallory " + ScriptName + ImageName;
    public const string PolicyName = "CA001 <img src=x onerror=alert(3)>";
    public const string BreakGlassName = "Eve <script>alert(5)</script>";
    public const string GroupName = "Exclusions <script>alert(4)</script>";
    public const string BreakGlassId = "e5e0a1f3-5c5e-4c55-8f7e-0f1e2d3c4b5a";
    public const string GroupId = "a9d6c3b2-7f41-4b2e-9c1d-3e5f7a9b1c2d";

    /// <summary>A configuration that makes the exclusions panel show the hostile names: Eve is break-glass, Mallory sits in the exclusion group.</summary>
    public const string Config = $$"""
        { "breakGlassAccounts": ["{{BreakGlassId}}"], "serviceAccounts": { "exclusionGroupId": "{{GroupId}}" } }
        """;

    /// <summary>A snapshot whose only admin holds a role the one MFA policy does not target: not covered, with findings.</summary>
    public const string Snapshot = $$"""
        {
          "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
          "users": [
            { "id": "ace08ec9-aa11-4ada-9145-addf0398233e", "displayName": "{{DisplayName}}", "userPrincipalName": "mallory@contoso.example", "accountEnabled": true },
            { "id": "{{BreakGlassId}}", "displayName": "{{BreakGlassName}}", "userPrincipalName": "eve@contoso.example", "accountEnabled": true }
          ],
          "groups": [{ "id": "{{GroupId}}", "displayName": "{{GroupName}}", "members": [{ "@odata.type": "#microsoft.graph.user", "id": "ace08ec9-aa11-4ada-9145-addf0398233e" }] }],
          "roleAssignments": [{ "principalId": "ace08ec9-aa11-4ada-9145-addf0398233e", "roleDefinitionId": "fe930be7-5e62-47db-91af-98c3a49a38b1", "directoryScopeId": "/" }],
          "conditionalAccessPolicies": [{
            "id": "4aa7d105-d92b-4c07-9834-0e810ddb89ac", "displayName": "{{PolicyName}}", "state": "enabled",
            "conditions": { "clientAppTypes": ["all"], "applications": { "includeApplications": ["All"] },
              "users": { "includeRoles": ["62e90394-69f5-4237-9190-012177145e10"] } },
            "grantControls": { "operator": "OR", "builtInControls": ["mfa"] }
          }]
        }
        """;

    /// <summary>The same facts as a report model, with tenant strings in every field the page shows.</summary>
    public static ScanReport Model(bool complete = true) => new(
        "84bd8158-6d4d-4958-8b9f-9d6445542f95", "scan-1", DateTimeOffset.Parse("2026-01-02T03:04:05Z"), DateTimeOffset.Parse("2026-01-02T03:04:07Z"), complete,
        [
            new AdminCoverage("ace08ec9-aa11-4ada-9145-addf0398233e", "mallory@contoso.example", DisplayName, true,
                [new AdminRole("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", AssignmentKind.Active, AssignmentPath.Direct, null, "/")],
                Coverage.NotCovered, [], [$"'{PolicyName}' does not target this user: includeRoles does not list User Administrator"]),
            new AdminCoverage("b120a366-f0bb-49cf-82f2-dc05873f9bd0", "joey@contoso.example", "Joey", true,
                [new AdminRole("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", AssignmentKind.Active, AssignmentPath.Direct, null, "/")],
                Coverage.Covered, ["4aa7d105-d92b-4c07-9834-0e810ddb89ac"], [$"MFA enforced by '{PolicyName}' (through role Global Administrator)"]),
        ],
        [
            new Finding("admin-not-covered", Severity.Critical, SubjectType.User, "ace08ec9-aa11-4ada-9145-addf0398233e", DisplayName, null,
                DisplayName + " can sign in without MFA", [ScriptName], "fp1"),
            new Finding("unexpected-exclusion", Severity.High, SubjectType.User, "b120a366-f0bb-49cf-82f2-dc05873f9bd0", "joey@contoso.example", null,
                "joey is excluded", ["in the exclusion group"], "fp2"),
        ],
        [new RemediationAction("unexpected-exclusion", "removeFromGroup", "b120a366-f0bb-49cf-82f2-dc05873f9bd0", ActionStatus.Planned, "remove " + ImageName)])
    {
        Error = complete ? null : "Graph said " + ScriptName,
        Exclusions = new ExclusionReview(
            new ExclusionGroupReview(GroupId, GroupName,
                [new ExclusionCandidate("ace08ec9-aa11-4ada-9145-addf0398233e", "mallory@contoso.example", DisplayName, true, null, $"mallory@contoso.example -> '{GroupName}'")],
                [new PolicyExclusion("4aa7d105-d92b-4c07-9834-0e810ddb89ac", PolicyName, PolicyState.Enabled, false)]),
            [new BreakGlassReview(BreakGlassId, "eve@contoso.example", BreakGlassName, true,
                [new BreakGlassPolicy("4aa7d105-d92b-4c07-9834-0e810ddb89ac", PolicyName, PolicyState.Enabled, $"'{PolicyName}' applies (includes All users)")])]),
    };

    /// <summary>A ledger's memory of <see cref="Model"/>: fp1 new in scan-1, fp2 seen before, a resolved finding about Mallory, three scans.</summary>
    public static ReportHistory History()
    {
        var report = Model();
        var resolved = report.Findings[0] with { RuleId = "break-glass-not-excluded", Summary = BreakGlassName + " was subject to " + PolicyName, Fingerprint = "fp3" };
        LedgerEntry[] entries =
        [
            new(report.Findings[0], FindingStatus.Open, Day(2), Day(2), null, 1, "scan-1"),
            new(report.Findings[1], FindingStatus.Open, Day(-5), Day(2), null, 4, "scan-1"),
            new(resolved, FindingStatus.Resolved, Day(-5), Day(1), Day(2), 3, "scan-1"),
        ];
        ScanRecord[] scans = [Scan("scan-0", Day(0), 3), Scan("scan-1", Day(2), 2), Scan("scan-x", Day(1), 0) with { Complete = false }];
        return ReportHistory.From(entries, scans, Day(2));
    }

    private static DateTimeOffset Day(int day) => DateTimeOffset.Parse("2026-01-01T03:04:05Z").AddDays(day - 1);

    public static ScanRecord Scan(string id, DateTimeOffset startedAt, int high) =>
        new("84bd8158-6d4d-4958-8b9f-9d6445542f95", id, "cli", startedAt, startedAt.AddSeconds(2), true, null,
            new Dictionary<Coverage, int>(), new Dictionary<Severity, int> { [Severity.High] = high, [Severity.Critical] = 1 }, 0, 0, 0, 0);
}
