using System.Net;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Cli.Tests.Serve;

/// <summary>
/// What reaches `watchdog serve` from outside: missing or wrong keys, forged, replayed, malformed and
/// oversized notifications, hostile validation tokens. Nothing is scanned without a valid notification,
/// every answer has a clear status, and no answer repeats a secret.
/// </summary>
public sealed class ServeSecurityTests : IAsyncLifetime
{
    private ServeKit _kit = null!;

    public async Task InitializeAsync()
    {
        _kit = await ServeKit.StartOfflineAsync();
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Timer)).Count == 1, "the start-up scan is recorded");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Theory]
    [InlineData("api/scan", null)]
    [InlineData("api/scan?code=wrong-key-wrong-key-wrong", null)]
    [InlineData("api/scan", "wrong-key-wrong-key-wrong")]
    public async Task Scanning_over_HTTP_without_the_function_key_is_refused_and_scans_nothing(string path, string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_kit.BaseUrl, path));
        if (header is not null) request.Headers.Add("x-functions-key", header);

        var response = await _kit.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("function key", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _kit.ScansAsync(ScanTriggers.Http));
    }

    [Fact]
    public async Task Findings_need_the_key_too_and_come_from_the_ledger_with_it()
    {
        var refused = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, "api/findings"));
        var open = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, $"api/findings?status=open&code={ServeKit.FunctionKey}"));
        var nonsense = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, $"api/findings?status=1&code={ServeKit.FunctionKey}"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        using var findings = JsonDocument.Parse(await open.Content.ReadAsStringAsync());
        Assert.Equal(11, findings.RootElement.GetArrayLength()); // the demo tenant's findings, none fixed: an offline tenant is never remediated
        Assert.All(findings.RootElement.EnumerateArray(), finding => Assert.Equal("open", finding.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous_and_says_nothing_about_the_tenant()
    {
        var response = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, "api/health"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(body);
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.True(health.RootElement.GetProperty("lastScan").GetProperty("complete").GetBoolean());
        Assert.DoesNotContain(_kit.TenantId, body);
        Assert.DoesNotContain("contosopharma", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_validation_token_with_HTML_in_it_is_echoed_as_plain_text_only()
    {
        const string token = "<script>alert('x')</script> & more";

        var response = await _kit.PostAsync($"api/graph/notifications?validationToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong-client-state-0123456789abcdef")]
    [InlineData(null)]
    public async Task A_notification_with_a_forged_client_state_is_refused_and_queues_nothing(string? clientState)
    {
        var response = await _kit.PostAsync("api/graph/notifications", _kit.Notification(ServeKit.ExclusionGroupId, clientState));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ServeKit.ClientState, body);
        await Task.Delay(500); // the queue worker polls every 250 ms: a queued change would have been scanned by now
        Assert.Empty(await _kit.ScansAsync(ScanTriggers.Notification));
        Assert.Equal(0, await _kit.ChangeQueue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Notifications_of_an_expired_subscription_or_another_tenant_are_refused()
    {
        var expired = await _kit.PostAsync("api/graph/notifications", _kit.Notification(ServeKit.ExclusionGroupId, expires: DateTimeOffset.UtcNow.AddDays(-1)));
        var otherTenant = await _kit.PostAsync("api/graph/notifications", _kit.Notification(ServeKit.ExclusionGroupId, tenantId: Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Empty(await _kit.ScansAsync(ScanTriggers.Notification));
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("{\"value\":5}", HttpStatusCode.BadRequest)]
    [InlineData("{\"value\":[]}", HttpStatusCode.Forbidden)]
    [InlineData("{\"value\":[1,\"x\",null]}", HttpStatusCode.Forbidden)]
    public async Task Malformed_notification_bodies_get_a_clear_status_and_scan_nothing(string body, HttpStatusCode expected)
    {
        var response = await _kit.PostAsync("api/graph/notifications", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _kit.ScansAsync(ScanTriggers.Notification));
    }

    [Fact]
    public async Task Deeply_nested_and_oversized_bodies_are_refused_without_harm()
    {
        var deep = "{\"value\":[" + new string('[', 100) + new string(']', 100) + "]}";
        var large = "{\"value\":[\"" + new string('a', 1_500_000) + "\"]}";

        var deepResponse = await _kit.PostAsync("api/graph/notifications", deep);
        var largeResponse = await _kit.PostAsync("api/graph/notifications", large);
        var hugeStatus = await StatusOrAbortAsync("api/graph/lifecycle", new string(' ', 3_000_000));
        var health = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, "api/health"));

        Assert.Equal(HttpStatusCode.BadRequest, deepResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeResponse.StatusCode);
        // Past Kestrel's own limit the server answers 413 as soon as it sees the length and stops reading,
        // so a client still sending may see its connection closed instead.
        Assert.True(hugeStatus is null or HttpStatusCode.RequestEntityTooLarge, $"got {hugeStatus}");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await _kit.ScansAsync(ScanTriggers.Notification));
    }

    private async Task<HttpStatusCode?> StatusOrAbortAsync(string path, string body)
    {
        try
        {
            return (await _kit.PostAsync(path, body)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_replayed_notification_leads_to_one_scan_not_one_per_copy()
    {
        var notification = _kit.Notification(ServeKit.ExclusionGroupId, sequence: 42);

        var statuses = new List<HttpStatusCode>();
        for (var copy = 0; copy < 20; copy++) statuses.Add((await _kit.PostAsync("api/graph/notifications", notification)).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Notification)).Count == 1, "the notification is scanned");
        await Task.Delay(1000);
        Assert.Single(await _kit.ScansAsync(ScanTriggers.Notification));
    }

    [Fact]
    public async Task A_valid_notification_is_queued_answered_202_and_scanned_off_the_request_thread()
    {
        var response = await _kit.PostAsync("api/graph/notifications", _kit.Notification(ServeKit.ExclusionGroupId, sequence: 1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Notification)).Count == 1, "the notification is scanned");
        Assert.Equal(0, await _kit.PoisonQueue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_lifecycle_notification_is_accepted_only_with_the_client_state()
    {
        string Lifecycle(string clientState) =>
            $$"""{"value":[{"subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","subscriptionExpirationDateTime":"{{DateTimeOffset.UtcNow.AddDays(1):O}}","tenantId":"{{_kit.TenantId}}","clientState":"{{clientState}}","lifecycleEvent":"reauthorizationRequired"}]}""";

        var forged = await _kit.PostAsync("api/graph/lifecycle", Lifecycle("forged-client-state-0123456789"));
        var genuine = await _kit.PostAsync("api/graph/lifecycle", Lifecycle(ServeKit.ClientState));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, genuine.StatusCode);
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Lifecycle)).Count == 1, "a lifecycle event is followed by a full scan");
    }

    [Fact]
    public async Task A_message_that_is_not_a_change_goes_to_the_poison_queue_and_nothing_is_lost()
    {
        await _kit.ChangeQueue.SendMessageAsync("this is not a change message");

        await ServeKit.EventuallyAsync(async () => await _kit.PoisonQueue.GetApproximateMessageCountAsync() == 1, "the message is set aside");
        var poisoned = Assert.Single(await _kit.PoisonQueue.PeekMessagesAsync(1));
        Assert.Equal("this is not a change message", poisoned.MessageText);
    }

    [Fact]
    public async Task On_demand_scans_answer_the_report_and_a_dry_run_is_recorded_as_such()
    {
        var scan = await _kit.PostAsync("api/scan?dryRun=true", withKey: true);
        var bad = await _kit.PostAsync("api/scan?dryRun=perhaps", withKey: true);

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        using var report = JsonDocument.Parse(await scan.Content.ReadAsStringAsync());
        Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(_kit.TenantId, report.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Single(await _kit.ScansAsync(ScanTriggers.Http));
    }

    [Fact]
    public async Task The_report_page_needs_the_key_shows_the_ledger_history_and_changes_nothing()
    {
        var refused = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, "api/report"));
        var page = await _kit.Http.GetAsync(new Uri(_kit.BaseUrl, $"api/report?code={ServeKit.FunctionKey}"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("No ledger configured", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await _kit.ScansAsync()); // the start-up scan only: looking is not scanning
    }
}
