using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Infrastructure.Alerts.Email;
using AdminMfaWatchdog.Infrastructure.Graph;
using GraphSimulator;
using GraphSimulator.Faults;
using GraphSimulator.State;
using static AdminMfaWatchdog.Infrastructure.Tests.Alerts.AlertTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

public sealed class EmailAlertChannelTests
{
    private const string Sender = "watchdog@contoso.com";

    private static Task<GraphSimulatorHost> StartGraphAsync() => GraphSimulatorHost.StartAsync(TenantState.FromJson("""
        {"tenantId":"11111111-2222-3333-4444-555555555555",
         "users":[{"id":"0b5c0d6e-0000-4000-8000-000000000001","userPrincipalName":"watchdog@contoso.com","displayName":"Watchdog mailbox"}]}
        """));

    private static EmailAlertChannel Channel(GraphSimulatorHost graph, string sender = Sender) => new(
        WatchdogGraphClient.Create(new GraphOptions { Anonymous = true, BaseUrl = graph.BaseUrl, BaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 1 }, TimeProvider.System),
        sender, ["secops@contoso.com", "ciso@contoso.com"]);

    [Fact]
    public async Task The_alert_arrives_at_sendMail_from_the_sender_to_the_recipients()
    {
        await using var graph = await StartGraphAsync();

        await Channel(graph).SendAsync(Mixed(), default);

        var mail = Assert.Single(graph.State.SentMail);
        Assert.Equal(("0b5c0d6e-0000-4000-8000-000000000001", Sender, false), (mail.SenderId, mail.SenderUserPrincipalName, mail.SaveToSentItems));
        Assert.Equal(["secops@contoso.com", "ciso@contoso.com"], mail.ToRecipients);
        Assert.Equal("[AdminMfaWatchdog] AdminMfaWatchdog: the scan of tenant 11111111-2222-3333-4444-555555555555 could not complete; 5 changes (2 critical, 3 high, 1 medium)", mail.Subject);
        Assert.Equal("HTML", mail.Message["body"]!["contentType"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        var header = Assert.Single(mail.Message["internetMessageHeaders"]!.AsArray());
        Assert.Equal(("X-Watchdog-Batch-Id", "scan-1"), (header!["name"]!.GetValue<string>(), header["value"]!.GetValue<string>()));
    }

    [Fact]
    public void The_body_is_plain_accessible_html_with_headings_and_scoped_table_headers()
    {
        var html = AlertEmailHtml.Body(Mixed());

        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>AdminMfaWatchdog: the scan of tenant", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Critical (2)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Subject</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Remediated</th><td>CA001 Require MFA for admins (policy policy-1)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/policy-1\">Open in the Entra admin center</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_display_name_with_html_and_script_is_encoded_as_text()
    {
        await using var graph = await StartGraphAsync();

        await Channel(graph).SendAsync(Mixed(name: HostileName), default);

        var html = Assert.Single(graph.State.SentMail).Message["body"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("**Boss** [click](https://evil.example/x) &lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; _i_ &amp; &quot;q&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sender_is_a_permanent_failure()
    {
        await using var graph = await StartGraphAsync();

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(graph, "nobody@contoso.com").SendAsync(Mixed(), default));

        Assert.Equal((true, 404), (failure.Permanent, failure.StatusCode));
        Assert.Equal("Graph sendMail as nobody@contoso.com answered 404 ErrorInvalidUser.", failure.Message);
    }

    [Fact]
    public async Task Graph_failing_is_worth_retrying()
    {
        await using var graph = await StartGraphAsync();
        graph.Faults.Add(FaultRule.ServiceUnavailable("/users/watchdog@contoso.com/sendMail", times: 5));

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => Channel(graph).SendAsync(Mixed(), default));

        Assert.Equal((false, 503), (failure.Permanent, failure.StatusCode));
    }
}
