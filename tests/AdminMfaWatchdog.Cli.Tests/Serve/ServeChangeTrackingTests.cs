using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Tests.Alerts;
using Xunit.Abstractions;

namespace AdminMfaWatchdog.Cli.Tests.Serve;

/// <summary>
/// `watchdog serve` against the Graph simulator and Azurite, all on loopback: Graph validates the
/// subscriptions with its handshake, then a change in the tenant comes back as a notification (or an
/// audit entry), and the finding, the fix and the alert follow without anyone asking.
/// </summary>
public sealed class ServeChangeTrackingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ScannerServiceAccount = "ac3e0b5b-c291-4709-8c1e-26038dabf68e"; // svc-scanner, in the exclusion group
    private const string MarcoBianchi = "6301bbfc-a0c5-454e-8ff9-bb510944fe0c"; // an administrator, not a service account
    private const string Ca002 = "b26f7395-06df-41fe-8741-60b8a8b79ab6"; // CA002 - Require MFA for all users (watched)

    private ServeKit _kit = null!;

    public async Task InitializeAsync()
    {
        _kit = await ServeKit.StartLiveAsync(new() { ["Notifications:AuditPollInterval"] = "00:00:01" });
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Timer)).Any(scan => scan.Complete), "the start-up scan is recorded");
        await ServeKit.EventuallyAsync(async () => (await SubscriptionsAsync()).Count >= 2, "the subscriptions exist");
        // What the start-up scan fixed made notifications of its own: let their scans pass.
        await _kit.Graph!.Changes.WhenDeliveredAsync();
        await ServeKit.EventuallyAsync(async () => await _kit.ChangeQueue.GetApproximateMessageCountAsync() == 0, "the queue is drained");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Graph_validated_the_subscriptions_on_users_and_the_exclusion_group_members()
    {
        var subscriptions = await SubscriptionsAsync();

        Assert.Contains(subscriptions, s => s.Resource.Equals("/users", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(subscriptions, s => s.Resource.Equals($"/groups/{ServeKit.ExclusionGroupId}/members", StringComparison.OrdinalIgnoreCase));
        Assert.All(subscriptions, s => Assert.Equal(ServeKit.ClientState, s.ClientState));
        Assert.All(subscriptions, s => Assert.StartsWith(_kit.BaseUrl + "api/graph/notifications", s.NotificationUrl));
        var validations = _kit.Graph!.Changes.Deliveries.Where(d => d.Kind == GraphSimulator.ChangeTracking.DeliveryKind.Validation).ToList();
        Assert.NotEmpty(validations);
        Assert.All(validations, validation => Assert.True(validation.Succeeded));
    }

    [Fact]
    public async Task A_service_account_taken_out_of_the_exclusion_group_is_found_put_back_remembered_and_alerted()
    {
        var alertsBefore = _kit.Alerts.Accepted.Count;
        var changedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        await _kit.Graph!.Changes.RemoveGroupMemberAsync(ServeKit.ExclusionGroupId, ScannerServiceAccount);

        await ServeKit.EventuallyAsync(async () => await RemediatedAsync("service-account-not-excluded", ScannerServiceAccount, changedAt), "the ledger holds the finding, remediated");
        var stored = clock.Elapsed;
        Assert.True(IsMember(ScannerServiceAccount), "the service account is back in the exclusion group");
        await ServeKit.EventuallyAsync(() => Task.FromResult(_kit.Alerts.Accepted.Skip(alertsBefore).Any(a => Mentions(a, ScannerServiceAccount))), "the alert is received");
        output.WriteLine($"notification -> finding remediated in the ledger: {stored.TotalMilliseconds:F0} ms; alert received: {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.NotEmpty(await _kit.ScansAsync(ScanTriggers.Notification));
    }

    [Fact]
    public async Task An_administrator_added_to_the_exclusion_group_is_found_and_alerted_and_left_for_a_person_to_judge()
    {
        var alertsBefore = _kit.Alerts.Accepted.Count;
        var clock = Stopwatch.StartNew();

        await _kit.Graph!.Changes.AddGroupMemberAsync(ServeKit.ExclusionGroupId, MarcoBianchi);

        await ServeKit.EventuallyAsync(async () => (await _kit.Ledger.ListAsync(_kit.TenantId, FindingStatus.Open, default))
            .Any(entry => entry.Finding.RuleId == "unexpected-exclusion" && entry.Finding.SubjectId == MarcoBianchi), "the ledger holds the open finding");
        var stored = clock.Elapsed;
        await ServeKit.EventuallyAsync(() => Task.FromResult(_kit.Alerts.Accepted.Skip(alertsBefore).Any(a => Mentions(a, MarcoBianchi))), "the alert is received");
        output.WriteLine($"member added -> finding in the ledger: {stored.TotalMilliseconds:F0} ms; alert received: {clock.Elapsed.TotalMilliseconds:F0} ms");
        // The demo configuration alerts on this rule: who belongs in the group is a person's call.
        Assert.True(IsMember(MarcoBianchi), "the watchdog did not remove him on its own");
    }

    [Fact]
    public async Task A_policy_switched_to_report_only_is_caught_through_the_audit_log_and_re_enabled()
    {
        var changedAt = DateTimeOffset.UtcNow;
        await _kit.Graph!.Changes.UpdatePolicyAsync(Ca002, new System.Text.Json.Nodes.JsonObject { ["state"] = "enabledForReportingButNotEnforced" });

        await ServeKit.EventuallyAsync(async () => await RemediatedAsync("policy-not-enabled", Ca002, changedAt), "the ledger holds the policy finding, remediated");
        var state = _kit.Graph.State.Read(data => data.ConditionalAccessPolicies.Single(p => (string?)p["id"] == Ca002)["state"]!.GetValue<string>());
        Assert.Equal("enabled", state);
        Assert.NotEmpty(await _kit.ScansAsync(ScanTriggers.Audit));
    }

    [Fact]
    public async Task Reauthorization_required_is_answered_and_a_removed_subscription_comes_back()
    {
        var subscriptions = await SubscriptionsAsync();
        var users = subscriptions.Single(s => s.Resource.Equals("/users", StringComparison.OrdinalIgnoreCase));
        var members = subscriptions.Single(s => s.Resource.Contains(ServeKit.ExclusionGroupId, StringComparison.OrdinalIgnoreCase));
        var scansBefore = (await _kit.ScansAsync(ScanTriggers.Lifecycle)).Count;

        await _kit.Graph!.Changes.SendLifecycleAsync(users.Id, "reauthorizationRequired");
        await _kit.Graph.Changes.SendLifecycleAsync(members.Id, "subscriptionRemoved");

        await ServeKit.EventuallyAsync(() => Task.FromResult(_kit.Graph.Stats.Snapshot().For($"POST /v1.0/subscriptions/{users.Id}/reauthorize") > 0), "the subscription is reauthorized");
        await ServeKit.EventuallyAsync(async () => (await SubscriptionsAsync()).Any(s => s.Resource.Contains(ServeKit.ExclusionGroupId, StringComparison.OrdinalIgnoreCase) && s.Id != members.Id), "the removed subscription is recreated");
        await ServeKit.EventuallyAsync(async () => (await _kit.ScansAsync(ScanTriggers.Lifecycle)).Count > scansBefore, "a full scan follows");
    }

    [Fact]
    public async Task A_burst_of_a_thousand_notifications_leads_to_a_handful_of_scans_and_loses_none()
    {
        var scansBefore = (await _kit.ScansAsync(ScanTriggers.Notification)).Count;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 1000; i++)
        {
            // 100 per second for 10 s, each a different change (Graph numbers them), not waiting for answers.
            var due = TimeSpan.FromMilliseconds(i * 10) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            posts.Add(_kit.PostAsync("api/graph/notifications", _kit.Notification(ServeKit.ExclusionGroupId, sequence: i)));
        }
        var accepted = (await Task.WhenAll(posts)).Count(response => response.StatusCode == HttpStatusCode.Accepted);
        var sent = clock.Elapsed;

        Assert.Equal(1000, accepted);
        await ServeKit.EventuallyAsync(async () => await _kit.ChangeQueue.GetApproximateMessageCountAsync() == 0, "every queued change is processed");
        var scans = (await _kit.ScansAsync(ScanTriggers.Notification)).Count - scansBefore;
        output.WriteLine($"1,000 notifications in {sent.TotalSeconds:F1} s -> {scans} scans, queue drained after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(scans, 1, 20);
        Assert.Equal(0, await _kit.PoisonQueue.GetApproximateMessageCountAsync());
    }

    /// <summary>True when the ledger holds the finding as remediated by a run after <paramref name="since"/>.</summary>
    private async Task<bool> RemediatedAsync(string ruleId, string subjectId, DateTimeOffset since) =>
        (await _kit.Ledger.ListAsync(_kit.TenantId, FindingStatus.Remediated, default))
            .Any(entry => entry.Finding.RuleId == ruleId && entry.Finding.SubjectId == subjectId && entry.ResolvedAt >= since);

    private bool IsMember(string userId) =>
        _kit.Graph!.State.Read(data => data.FindGroup(ServeKit.ExclusionGroupId)!["members"]!.AsArray().Any(m => (string?)m!["id"] == userId));

    private static bool Mentions(ReceivedRequest alert, string id) => Encoding.UTF8.GetString(alert.Body).Contains(id, StringComparison.Ordinal);

    private async Task<List<SimulatedSubscription>> SubscriptionsAsync()
    {
        using var document = JsonDocument.Parse(await _kit.Graph!.Client.GetStringAsync("subscriptions"));
        return document.RootElement.GetProperty("value").EnumerateArray()
            .Select(s => new SimulatedSubscription(s.GetProperty("id").GetString()!, s.GetProperty("resource").GetString()!, s.GetProperty("clientState").GetString()!, s.GetProperty("notificationUrl").GetString()!))
            .ToList();
    }

    private sealed record SimulatedSubscription(string Id, string Resource, string ClientState, string NotificationUrl);
}
