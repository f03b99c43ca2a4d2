using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests.ChangeTracking;

public sealed class LifecycleNotificationTests
{
    [Fact]
    public async Task Reauthorization_required_is_posted_to_the_lifecycle_url_and_pauses_notifications_until_reauthorized()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var id = await f.SubscribeAsync($"/groups/{ExclusionGroupId}/members", lifecycle: true);

        await f.Sim.Changes.SendLifecycleAsync(id, LifecycleEvents.ReauthorizationRequired);
        await f.Sim.Changes.AddGroupMemberAsync(ExclusionGroupId, JoeyId);
        var whilePaused = f.Receiver.Notifications.Count(r => r.Path == "/api/notify");
        await f.Sim.Client.PostJsonAsync($"subscriptions/{id}/reauthorize", null);
        await f.Sim.Changes.AddGroupMemberAsync(ExclusionGroupId, LenaId);

        var lifecycle = Assert.Single(f.Receiver.Notifications, r => r.Path == "/api/lifecycle");
        Assert.Equal("KEY", lifecycle.Query("code"));
        Assert.Equal("application/json", lifecycle.ContentType);
        var item = Assert.Single(lifecycle.Value)!;
        Assert.Equal(id, item["subscriptionId"]!.GetValue<string>());
        Assert.Equal("2026-01-03T00:00:00.0000000Z", item["subscriptionExpirationDateTime"]!.GetValue<string>());
        Assert.Equal(f.Sim.State.Read(d => d.TenantId), item["tenantId"]!.GetValue<string>());
        Assert.Equal(ChangeTrackingFixture.ClientState, item["clientState"]!.GetValue<string>());
        Assert.Equal("reauthorizationRequired", item["lifecycleEvent"]!.GetValue<string>());
        Assert.Equal(0, whilePaused);
        var resumed = Assert.Single(f.Receiver.Notifications, r => r.Path == "/api/notify");
        Assert.Equal(LenaId, resumed.Value[0]!["resourceData"]!["members@delta"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_renewal_also_ends_the_pause()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var id = await f.SubscribeAsync("/users", lifecycle: true);
        await f.Sim.Changes.SendLifecycleAsync(id, LifecycleEvents.ReauthorizationRequired);

        await f.Sim.Client.PatchJsonAsync($"subscriptions/{id}", new JsonObject { ["expirationDateTime"] = f.Expiry(TimeSpan.FromDays(3)) });
        await f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["displayName"] = "Joey" });

        Assert.Single(f.Receiver.Notifications, r => r.Path == "/api/notify");
    }

    [Fact]
    public async Task Subscription_removed_is_posted_and_deletes_the_subscription()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var id = await f.SubscribeAsync("/users", lifecycle: true);

        await f.Sim.Changes.SendLifecycleAsync(id, LifecycleEvents.SubscriptionRemoved);
        var gone = await f.Sim.Client.GetJsonAsync($"subscriptions/{id}");

        Assert.Equal("subscriptionRemoved", Assert.Single(f.Receiver.Notifications).Value[0]!["lifecycleEvent"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal(202, f.Sim.Changes.Deliveries.Single(d => d.Kind == DeliveryKind.Lifecycle).Status);
    }

    [Fact]
    public async Task Lifecycle_events_need_a_lifecycle_url_and_a_known_event_and_change_nothing_otherwise()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var withoutUrl = await f.SubscribeAsync("/users");
        var withUrl = await f.SubscribeAsync("/users", lifecycle: true);

        await Assert.ThrowsAsync<ArgumentException>(() => f.Sim.Changes.SendLifecycleAsync(withoutUrl, LifecycleEvents.SubscriptionRemoved));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Sim.Changes.SendLifecycleAsync(withUrl, "renamed"));

        Assert.Equal(2, (await f.Sim.Client.GetJsonAsync("subscriptions")).Value.Count);
        Assert.Empty(f.Receiver.Notifications);
    }
}
