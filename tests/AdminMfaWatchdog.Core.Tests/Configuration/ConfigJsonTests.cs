using System.Text;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.Tests.Configuration;

public sealed class ConfigJsonTests
{
    private static WatchdogConfig Read(string json) => ConfigJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "watchdog.json");

    private static InvalidInputException Rejected(string json) => Assert.Throws<InvalidInputException>(() => Read(json));

    [Fact]
    public void The_documented_example_with_comments_reads_completely()
    {
        var config = Read("""
            {
              // every field of DESIGN.md "Configuration"
              "watchedPolicyIds": ["4aa7d105-d92b-4c07-9834-0e810ddb89ac"],
              "privilegedRoles": "allPrivileged",
              "breakGlassAccounts": ["bg01@contoso.example", "f7ca74b0-8562-4083-b66c-0476f942cfd0"],
              "serviceAccounts": {
                "exclusionGroupId": "9a3d526c-b3c1-4479-ba74-197b5c5751ae",
                "userPrincipalNamePatterns": ["svc-*@*"],
                "employeeTypes": ["ServiceAccount"],
                "ids": []
              },
              "remediation": {
                "default": "alert",
                "rules": { "service-account-not-excluded": "remediate", "policy-not-enabled": "remediate" },
                "maxActionsPerRun": 5,
              }
            }
            """);

        Assert.Equal(["4aa7d105-d92b-4c07-9834-0e810ddb89ac"], config.WatchedPolicyIds);
        Assert.Equal(PrivilegedRoleMode.AllPrivileged, config.PrivilegedRoles.Mode);
        Assert.Equal(2, config.BreakGlassAccounts.Count);
        Assert.Equal("9a3d526c-b3c1-4479-ba74-197b5c5751ae", config.ServiceAccounts!.ExclusionGroupId);
        Assert.Equal(RuleMode.Remediate, config.Remediation.ModeFor("policy-not-enabled"));
        Assert.Equal(RuleMode.Alert, config.Remediation.ModeFor("admin-not-covered"));
        Assert.Equal(5, config.Remediation.MaxActionsPerRun);
    }

    [Fact]
    public void An_empty_object_is_the_default_configuration()
    {
        var config = Read("{}");

        Assert.Equal(PrivilegedRoleMode.Recommended, config.PrivilegedRoles.Mode);
        Assert.Null(config.ServiceAccounts);
        Assert.Equal(RuleMode.Alert, config.Remediation.DefaultMode);
    }

    [Fact]
    public void An_explicit_role_list_is_kept()
    {
        var config = Read("""{"privilegedRoles": ["62e90394-69f5-4237-9190-012177145e10"]}""");

        Assert.Equal((PrivilegedRoleMode.Explicit, "62e90394-69f5-4237-9190-012177145e10"), (config.PrivilegedRoles.Mode, config.PrivilegedRoles.TemplateIds.Single()));
    }

    [Theory]
    [InlineData("{\"watchedPolicyIds\": [", "$", "not valid JSON at line 1")]
    [InlineData("[]", "$", "expected an object, found an array")]
    [InlineData("{\"watchedPolicyIDs\": []}", "$.watchedPolicyIDs", "unknown key 'watchedPolicyIDs'")]
    [InlineData("{\"serviceAccounts\": {\"exclusionGroupId\": \"9a3d526c-b3c1-4479-ba74-197b5c5751ae\", \"pattern\": []}}", "$.serviceAccounts.pattern", "unknown key 'pattern'")]
    [InlineData("{\"watchedPolicyIds\": [\"not-a-guid\"]}", "$.watchedPolicyIds[0]", "'not-a-guid' is not an object id")]
    [InlineData("{\"watchedPolicyIds\": \"4aa7d105-d92b-4c07-9834-0e810ddb89ac\"}", "$.watchedPolicyIds", "expected an array, found a string")]
    [InlineData("{\"privilegedRoles\": \"everyone\"}", "$.privilegedRoles", "'everyone' is not one of")]
    [InlineData("{\"privilegedRoles\": []}", "$.privilegedRoles", "an empty role list")]
    [InlineData("{\"breakGlassAccounts\": [\"bob\"]}", "$.breakGlassAccounts[0]", "neither an object id (GUID) nor a user principal name")]
    [InlineData("{\"serviceAccounts\": {\"userPrincipalNamePatterns\": [\"svc-*@*\"]}}", "$.serviceAccounts.exclusionGroupId", "required")]
    [InlineData("{\"serviceAccounts\": {\"exclusionGroupId\": \"9a3d526c-b3c1-4479-ba74-197b5c5751ae\", \"userPrincipalNamePatterns\": [\"*@*\"]}}", "$.serviceAccounts.userPrincipalNamePatterns[0]", "would match every account")]
    [InlineData("{\"serviceAccounts\": {\"exclusionGroupId\": \"9a3d526c-b3c1-4479-ba74-197b5c5751ae\", \"userPrincipalNamePatterns\": [\"*-svc@*\"]}}", "$.serviceAccounts.userPrincipalNamePatterns[0]", "must start or end with literal text")]
    [InlineData("{\"remediation\": {\"default\": \"fix\"}}", "$.remediation.default", "'fix' is not one of alert, remediate, off")]
    [InlineData("{\"remediation\": {\"rules\": {\"admin-not-coverd\": \"alert\"}}}", "$.remediation.rules['admin-not-coverd']", "unknown rule id 'admin-not-coverd'")]
    [InlineData("{\"remediation\": {\"rules\": {\"break-glass-not-excluded\": \"remediate\"}}}", "$.remediation.rules['break-glass-not-excluded']", "alert-only")]
    [InlineData("{\"remediation\": {\"maxActionsPerRun\": \"five\"}}", "$.remediation.maxActionsPerRun", "expected a whole number")]
    [InlineData("{\"remediation\": {\"maxActionsPerRun\": -1}}", "$.remediation.maxActionsPerRun", "out of range")]
    [InlineData("{\"breakGlassAccounts\": [\"f7ca74b0-8562-4083-b66c-0476f942cfd0\"], \"serviceAccounts\": {\"exclusionGroupId\": \"9a3d526c-b3c1-4479-ba74-197b5c5751ae\", \"ids\": [\"f7ca74b0-8562-4083-b66c-0476f942cfd0\"]}}", "$.serviceAccounts.ids", "also a break-glass account")]
    public void Bad_configuration_names_the_file_the_path_and_the_problem(string json, string path, string problem)
    {
        var error = Rejected(json);

        Assert.Equal("watchdog.json", error.InputSource);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"watchdog.json: {path}: ", error.Message);
    }
}
