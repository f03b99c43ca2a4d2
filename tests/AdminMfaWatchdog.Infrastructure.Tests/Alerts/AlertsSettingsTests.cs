using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Alerts;
using AdminMfaWatchdog.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

public sealed class AlertsSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Nothing_set_means_no_channel_and_the_default_policy()
    {
        var options = AlertsSettings.Read(Settings());

        Assert.Empty(AlertsSettings.Channels(options, graph: null));
        Assert.Equal(new AlertPolicy(Severity.Medium, DailyDigest: false), AlertsSettings.Policy(options));
    }

    [Fact]
    public void Every_channel_is_built_from_its_settings()
    {
        var options = AlertsSettings.Read(Settings(
            ("Alerts:MinimumSeverity", "High"),
            ("Alerts:DailyDigest", "true"),
            ("Alerts:Teams:WebhookUrl", "https://prod-1.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=abc"),
            ("Alerts:Email:Sender", "watchdog@contoso.com"),
            ("Alerts:Email:Recipients:0", "secops@contoso.com"),
            ("Alerts:Email:Recipients:1", "ciso@contoso.com"),
            ("Alerts:Webhook:Url", "https://siem.contoso.com/ingest")));
        var graph = WatchdogGraphClient.Create(new GraphOptions { Anonymous = true, BaseUrl = "http://127.0.0.1:9/v1.0" }, TimeProvider.System);

        Assert.Equal(["teams", "email", "webhook"], AlertsSettings.Channels(options, graph).Select(channel => channel.Name));
        Assert.Equal(new AlertPolicy(Severity.High, DailyDigest: true), AlertsSettings.Policy(options));
    }

    [Theory]
    [InlineData("Alerts:MinimumSeverity", "severe", "Alerts:MinimumSeverity: must be critical, high, medium or low")]
    [InlineData("Alerts:Email:Sender", "watchdog@contoso.com", "Alerts:Email:Recipients: at least one recipient is required when Alerts:Email:Sender is set")]
    [InlineData("Alerts:Email:Recipients:0", "secops@contoso.com", "Alerts:Email:Sender: required when Alerts:Email:Recipients is set")]
    [InlineData("Alerts:Webhook:Url", "not a url", "Alerts:Webhook:Url: must be an absolute https URL")]
    public void A_setting_that_cannot_work_is_named(string key, string value, string message) =>
        Assert.Equal(message, Assert.Throws<AlertsConfigurationException>(() => AlertsSettings.Read(Settings((key, value)))).Message);

    [Fact]
    public void An_unknown_setting_is_an_error() =>
        Assert.StartsWith("Alerts: ", Assert.Throws<AlertsConfigurationException>(() => AlertsSettings.Read(Settings(("Alerts:Teams:Url", "https://x.example/")))).Message, StringComparison.Ordinal);

    [Fact]
    public void Email_without_graph_cannot_be_built()
    {
        var options = AlertsSettings.Read(Settings(("Alerts:Email:Sender", "watchdog@contoso.com"), ("Alerts:Email:Recipients:0", "secops@contoso.com")));

        Assert.Equal("Alerts:Email:Sender: email needs Microsoft Graph: configure the Graph settings",
            Assert.Throws<AlertsConfigurationException>(() => AlertsSettings.Channels(options, graph: null)).Message);
    }
}
