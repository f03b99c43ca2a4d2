using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>Tenant data written by an attacker: a display name and a policy name that are markup.</summary>
internal static class HostileReport
{
    public const string ScriptName = "<script>alert(1)</script>";
    public const string ImageName = "<img src=x onerror=alert(2)>";
    public const string DisplayName = "Mallory " + ScriptName + ImageName;
    public const string PolicyName = "CA001 <img src=x onerror=alert(3)>";

    /// <summary>A snapshot whose only admin holds a role the one MFA policy does not target: not covered, with findings.</summary>
    public const string Snapshot = $$"""
        {
          "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
          "users": [{ "id": "ace08ec9-aa11-4ada-9145-addf0398233e", "displayName": "{{DisplayName}}", "userPrincipalName": "mallory@contoso.example", "accountEnabled": true }],
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
    { Error = complete ? null : "Graph said " + ScriptName };
}
