using System.Text.Json;
using AdminMfaWatchdog.Core.Rules;

namespace AdminMfaWatchdog.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string CleanTenant = """
        {
          "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
          "users": [{ "id": "ace08ec9-aa11-4ada-9145-addf0398233e", "displayName": "Joey", "userPrincipalName": "joey@contoso.example", "accountEnabled": true }],
          "roleAssignments": [{ "principalId": "ace08ec9-aa11-4ada-9145-addf0398233e", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10", "directoryScopeId": "/" }],
          "conditionalAccessPolicies": [{
            "id": "4aa7d105-d92b-4c07-9834-0e810ddb89ac", "displayName": "CA001 Require MFA for administrators", "state": "enabled",
            "conditions": { "clientAppTypes": ["all"], "applications": { "includeApplications": ["All"] },
              "users": { "includeRoles": ["62e90394-69f5-4237-9190-012177145e10"] } },
            "grantControls": { "operator": "OR", "builtInControls": ["mfa"] }
          }]
        }
        """;

    [Fact]
    public async Task Scan_with_no_arguments_reports_the_demo_tenant_as_a_table()
    {
        var result = await CliRunner.RunAsync("scan");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("scanning the embedded demo tenant", result.Stderr);
        Assert.Contains("ADMINISTRATORS:", result.Stdout);
        Assert.Contains("FINDINGS:", result.Stdout);
        Assert.Contains("NOT COVERED", result.Stdout);
        Assert.True(result.Stdout.IndexOf("ADMINISTRATORS:", StringComparison.Ordinal) < result.Stdout.IndexOf("FINDINGS:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_tenant_fires_every_rule_and_shows_every_verdict()
    {
        var result = await CliRunner.RunAsync("scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        var rules = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.Equal(RuleCatalog.All.Select(r => r.Metadata.Id).Order(), rules.Order());
        var verdicts = report.RootElement.GetProperty("admins").EnumerateArray().Select(a => a.GetProperty("coverage").GetString()).ToHashSet();
        Assert.Equal(new[] { "covered", "disabled", "exempt", "notCovered", "partial" }, verdicts.Order());
    }

    [Fact]
    public async Task Json_output_is_exactly_the_scan_report_contract_and_nothing_else()
    {
        var result = await CliRunner.RunAsync("scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        Assert.Equal(["actions", "admins", "complete", "completedAt", "findings", "scanId", "startedAt", "tenantId"], Keys(root));
        Assert.True(root.GetProperty("complete").GetBoolean());
        var admin = root.GetProperty("admins")[0];
        Assert.Equal(["accountEnabled", "coverage", "coveringPolicyIds", "id", "reasons", "roles", "userPrincipalName"], Keys(admin));
        Assert.Equal(["assignment", "directoryScopeId", "displayName", "groupId", "roleTemplateId", "via"], Keys(admin.GetProperty("roles")[0]));
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["fingerprint", "policyId", "reasons", "ruleId", "severity", "subjectId", "subjectName", "subjectType", "summary"], Keys(finding));
        Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "critical", "high", "medium", "low" });
        Assert.Contains(finding.GetProperty("subjectType").GetString(), new[] { "user", "group", "policy" });
        Assert.DoesNotContain("scanning the embedded demo tenant", result.Stdout);
    }

    [Fact]
    public async Task A_clean_tenant_exits_zero()
    {
        using var folder = new TempFolder();

        var result = await CliRunner.RunAsync("scan", "--snapshot", folder.File("tenant.json", CleanTenant), "--format", "json");

        Assert.Equal(ExitCodes.NoFindings, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal("covered", report.RootElement.GetProperty("admins")[0].GetProperty("coverage").GetString());
        Assert.Equal(0, report.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Output_goes_to_the_file_and_stdout_stays_empty()
    {
        using var folder = new TempFolder();
        var output = folder.File("report.json");

        var result = await CliRunner.RunAsync("scan", "--format", "json", "--output", output);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        Assert.True(report.RootElement.GetProperty("findings").GetArrayLength() > 0);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Tenant_text_cannot_drive_the_terminal()
    {
        using var folder = new TempFolder();
        var hostile = CleanTenant.Replace("joey@contoso.example", "joey\\u001b[2J@contoso.example")
            .Replace("\"state\": \"enabled\"", "\"state\": \"disabled\"");

        var result = await CliRunner.RunAsync("scan", "--snapshot", folder.File("tenant.json", hostile));

        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Contains("joey\\u001b[2J@contoso.example", result.Stdout);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
