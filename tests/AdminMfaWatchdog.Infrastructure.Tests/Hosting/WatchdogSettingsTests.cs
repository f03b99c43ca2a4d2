using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure.Tests.Hosting;

public sealed class WatchdogSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_watchdog_section_reads_as_the_configuration_contract_as_environment_variables_write_it()
    {
        var config = WatchdogSettings.Watchdog(Settings(
            ("Watchdog:ScanInterval", "00:05:00"),
            ("Watchdog:PrivilegedRoles", "allPrivileged"),
            ("Watchdog:BreakGlassAccounts:0", "bg01@contoso.example"),
            ("Watchdog:ServiceAccounts:ExclusionGroupId", "9a3d526c-b3c1-4479-ba74-197b5c5751ae"),
            ("Watchdog:ServiceAccounts:UserPrincipalNamePatterns:0", "svc-*@*"),
            ("Watchdog:Remediation:Rules:policy-not-enabled", "remediate"),
            ("Watchdog:Remediation:MaxActionsPerRun", "3")))!;

        Assert.Equal(PrivilegedRoleMode.AllPrivileged, config.PrivilegedRoles.Mode);
        Assert.Equal(["bg01@contoso.example"], config.BreakGlassAccounts);
        Assert.Equal(["svc-*@*"], config.ServiceAccounts!.UserPrincipalNamePatterns);
        Assert.Equal(RuleMode.Remediate, config.Remediation.ModeFor("policy-not-enabled"));
        Assert.Equal(3, config.Remediation.MaxActionsPerRun);
    }

    [Fact]
    public void A_rule_id_written_with_underscores_as_Azure_app_setting_names_require_sets_that_rule()
    {
        var config = WatchdogSettings.Watchdog(Settings(
            ("Watchdog:Remediation:Rules:service_account_not_excluded", "remediate"),
            ("Watchdog:Remediation:Rules:policy-not-enabled", "remediate")))!;

        Assert.Equal(RuleMode.Remediate, config.Remediation.ModeFor("service-account-not-excluded"));
        Assert.Equal(RuleMode.Remediate, config.Remediation.ModeFor("policy-not-enabled"));
        Assert.Equal(RuleMode.Alert, config.Remediation.ModeFor("unexpected-exclusion"));
    }

    [Fact]
    public void An_unknown_watchdog_setting_names_the_settings_and_the_key()
    {
        var error = Assert.Throws<InvalidInputException>(() => WatchdogSettings.Watchdog(Settings(("Watchdog:BreakGlass", "x"))));

        Assert.Equal("settings (Watchdog section): $.breakGlass: unknown key 'breakGlass' (expected one of: watchedPolicyIds, privilegedRoles, breakGlassAccounts, serviceAccounts, remediation)", error.Message);
    }

    [Fact]
    public void Without_watchdog_settings_there_is_no_configuration()
    {
        Assert.Null(WatchdogSettings.Watchdog(Settings(("Watchdog:ScanSchedule", "0 */15 * * * *"))));
    }

    [Fact]
    public void Graph_settings_bind_and_an_unknown_one_is_refused_without_echoing_values()
    {
        var options = WatchdogSettings.Graph(Settings(("Graph:BaseUrl", "http://127.0.0.1:5055/v1.0"), ("Graph:Anonymous", "true"), ("Graph:ClientSecret", "s3cr3t")));
        Assert.Equal(("http://127.0.0.1:5055/v1.0", true), (options.BaseUrl, options.Anonymous));
        Assert.True(WatchdogSettings.IsGraphConfigured(Settings(("Graph:TenantId", "t"))));
        Assert.False(WatchdogSettings.IsGraphConfigured(Settings(("Storage:ConnectionString", "x"))));

        var error = Assert.Throws<GraphConfigurationException>(() => WatchdogSettings.Graph(Settings(("Graph:ClientSecrett", "s3cr3t"))));
        Assert.Contains("ClientSecrett", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/beta", false, "Graph:BaseUrl")]
    [InlineData("https://graph.microsoft.com/v1.0", true, "Graph:Anonymous")]
    [InlineData("http://graph.example.com/v1.0", false, "Graph:BaseUrl")]
    [InlineData("not a url", false, "Graph:BaseUrl")]
    public void Unsafe_or_unusable_graph_urls_are_refused(string url, bool anonymous, string setting)
    {
        var error = Assert.Throws<GraphConfigurationException>(() => new GraphOptions { BaseUrl = url, Anonymous = anonymous }.ValidatedBaseUri());

        Assert.Equal(setting, error.Setting);
    }

    [Fact]
    public void A_client_secret_needs_its_tenant_and_client_and_is_never_in_the_error()
    {
        var error = Assert.Throws<GraphConfigurationException>(() => WatchdogGraphClient.Create(
            new GraphOptions { ClientSecret = "s3cr3t", ClientId = "app" }, TimeProvider.System));

        Assert.Equal("Graph:TenantId", error.Setting);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }
}
