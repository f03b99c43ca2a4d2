using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure.Tests.Hosting;

/// <summary>The hosts' own settings: a value that cannot work stops the host with the setting's name, never its value.</summary>
public sealed class HostSettingsTests
{
    [Theory]
    [InlineData("Host:FunctionKey", "short", "Host:FunctionKey")]
    [InlineData("Host:FunctionKey", "has a space in the middle of it", "Host:FunctionKey")]
    [InlineData("Host:Functionkeys", "0123456789abcdef0123", "Host")]
    [InlineData("Notifications:ClientState", "too-short", "Notifications:ClientState")]
    [InlineData("Notifications:ClientState", "with a space 0123456789", "Notifications:ClientState")]
    [InlineData("Notifications:Debounce", "00:10:00", "Notifications:Debounce")]
    [InlineData("Notifications:Debounce", "soon", "Notifications")]
    [InlineData("Notifications:AuditPollInterval", "00:00:00", "Notifications:AuditPollInterval")]
    [InlineData("Notifications:Unknown", "x", "Notifications")]
    [InlineData("Watchdog:ScanInterval", "often", "Watchdog:ScanInterval")]
    [InlineData("Watchdog:ScanInterval", "00:00:00.500", "Watchdog:ScanInterval")]
    public void A_setting_that_cannot_work_is_named_and_its_value_is_not_echoed(string setting, string value, string named)
    {
        var settings = Settings((setting, value));

        var error = Assert.Throws<SettingsException>(() => Read(settings));

        Assert.StartsWith(named, error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Theory]
    [InlineData("http://watchdog.example.net/")]
    [InlineData("not a url")]
    [InlineData("https://watchdog.example.net/?code=key")]
    public void Graph_must_reach_the_public_url_over_https(string url)
    {
        var settings = Settings(("Notifications:PublicBaseUrl", url), ("Notifications:ClientState", "0123456789abcdef0123"));

        var error = Assert.Throws<SettingsException>(() => HostSettings.Notifications(settings));

        Assert.StartsWith("Notifications:PublicBaseUrl", error.Message);
    }

    [Fact]
    public void Subscriptions_without_a_client_state_are_refused()
    {
        var error = Assert.Throws<SettingsException>(() => HostSettings.Notifications(Settings(("Notifications:PublicBaseUrl", "https://watchdog.example.net/"))));

        Assert.StartsWith("Notifications:ClientState", error.Message);
    }

    [Fact]
    public void Loopback_http_works_for_local_runs_and_defaults_apply_when_unset()
    {
        var notifications = HostSettings.Notifications(Settings(("Notifications:PublicBaseUrl", "http://127.0.0.1:8080/"), ("Notifications:ClientState", "0123456789abcdef0123")));

        Assert.Equal(TimeSpan.FromSeconds(5), notifications.Debounce);
        Assert.Equal(HostSettings.DefaultScanInterval, HostSettings.ScanInterval(Settings()));
        Assert.Null(HostSettings.Host(Settings()).FunctionKey);
    }

    private static void Read(IConfiguration settings)
    {
        HostSettings.Host(settings);
        HostSettings.Notifications(settings);
        HostSettings.ScanInterval(settings);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
