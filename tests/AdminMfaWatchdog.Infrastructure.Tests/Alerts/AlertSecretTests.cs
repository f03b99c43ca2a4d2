using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Alerts;
using AdminMfaWatchdog.Infrastructure.Alerts.Teams;
using AdminMfaWatchdog.Infrastructure.Alerts.Webhook;
using Microsoft.Extensions.Configuration;
using static AdminMfaWatchdog.Infrastructure.Tests.Alerts.AlertTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

/// <summary>Webhook URLs carry their signature: no failure may repeat one.</summary>
public sealed class AlertSecretTests
{
    private static void AssertNoSecret(Exception failure, Uri url)
    {
        var everything = failure.ToString();
        Assert.DoesNotContain(AlertReceiver.Signature, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(url.PathAndQuery, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("/workflows/", everything, StringComparison.Ordinal);
        Assert.Null(failure.InnerException);
    }

    public static TheoryData<string> Channels => new() { "teams", "webhook" };

    private static IAlertChannel Channel(string name, Uri url, HttpClient http) =>
        name == "teams" ? new TeamsAlertChannel(url, http) : new WebhookAlertChannel(url, http);

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Refusals_and_server_errors_name_only_scheme_and_host(string channel)
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer(401);
        receiver.Answer(502);

        var refused = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(channel, receiver.Url, Http()).SendAsync(Opened(1), default));
        var failed = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(channel, receiver.Url, Http()).SendAsync(Opened(1), default));

        Assert.Equal((true, 401, false, 502), (refused.Permanent, refused.StatusCode, failed.Permanent, failed.StatusCode));
        Assert.Contains("http://127.0.0.1/…", refused.Message, StringComparison.Ordinal);
        AssertNoSecret(refused, receiver.Url);
        AssertNoSecret(failed, receiver.Url);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task An_unreachable_receiver_is_named_without_its_secret(string channel)
    {
        var url = AlertReceiver.DownUrl(AlertReceiver.FreePort());

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(channel, url, Http()).SendAsync(Opened(1), default));

        Assert.False(failure.Permanent);
        AssertNoSecret(failure, url);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_receiver_that_does_not_answer_in_time_is_named_without_its_secret(string channel)
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer(202, delay: TimeSpan.FromSeconds(5));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(channel, receiver.Url, impatient).SendAsync(Opened(1), default));

        Assert.Equal((false, (int?)null), (failure.Permanent, failure.StatusCode));
        Assert.EndsWith("did not answer within 0.2 s.", failure.Message, StringComparison.Ordinal);
        AssertNoSecret(failure, receiver.Url);
    }

    [Theory]
    [InlineData("Alerts:Teams:WebhookUrl")]
    [InlineData("Alerts:Webhook:Url")]
    public void A_webhook_url_that_cannot_work_is_named_by_its_setting_not_its_value(string setting)
    {
        const string insecure = "http://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=" + AlertReceiver.Signature;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = insecure }).Build();

        var failure = Assert.Throws<AlertsConfigurationException>(() => AlertsSettings.Read(configuration));

        Assert.Equal($"{setting}: must be an absolute https URL", failure.Message);
    }

    [Fact]
    public void Redaction_keeps_scheme_and_host_only() =>
        Assert.Equal("https://prod-12.westeurope.logic.azure.com/…",
            SecretUrl.Redact(new Uri("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=s3cr3t")));
}
