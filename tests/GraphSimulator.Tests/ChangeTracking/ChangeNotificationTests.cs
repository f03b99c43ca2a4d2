using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using Microsoft.AspNetCore.Http;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests.ChangeTracking;

public sealed class ChangeNotificationTests
{
    private static JsonObject Reference(string id) =>
        new() { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{id}" };

    [Fact]
    public async Task A_member_added_through_ref_notifies_the_groups_members_subscription_with_graphs_shape()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var subscriptionId = await f.SubscribeAsync($"/groups/{ExclusionGroupId}/members");

        var added = await f.Sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref", Reference(ServiceAccountId));
        await f.Sim.Changes.WhenDeliveredAsync();

        Assert.Equal(HttpStatusCode.NoContent, added.Status);
        var post = Assert.Single(f.Receiver.Notifications);
        Assert.Equal("/api/notify", post.Path);
        Assert.Equal("KEY", post.Query("code"));
        Assert.Equal("application/json", post.ContentType);
        var notification = Assert.Single(post.Value)!;
        Assert.Equal("updated", notification["changeType"]!.GetValue<string>());
        Assert.Equal(ChangeTrackingFixture.ClientState, notification["clientState"]!.GetValue<string>());
        Assert.Equal($"Groups/{ExclusionGroupId}", notification["resource"]!.GetValue<string>());
        Assert.Equal(subscriptionId, notification["subscriptionId"]!.GetValue<string>());
        Assert.Equal("2026-01-03T00:00:00+00:00", notification["subscriptionExpirationDateTime"]!.GetValue<string>());
        var tenantId = f.Sim.State.Read(d => d.TenantId);
        Assert.Equal(tenantId, notification["tenantId"]!.GetValue<string>());
        var data = notification["resourceData"]!;
        Assert.Equal("#Microsoft.Graph.Group", data["@odata.type"]!.GetValue<string>());
        Assert.Equal($"Groups/{ExclusionGroupId}", data["@odata.id"]!.GetValue<string>());
        Assert.Equal(ExclusionGroupId, data["id"]!.GetValue<string>());
        Assert.Equal(tenantId, data["organizationId"]!.GetValue<string>());
        Assert.Equal($$"""[{"id":"{{ServiceAccountId}}"}]""", data["members@delta"]!.ToJsonString());
    }

    [Fact]
    public async Task A_member_removed_through_ref_is_marked_removed()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        await f.SubscribeAsync($"/groups/{ExclusionGroupId}/members");

        await f.Sim.Client.SendJsonAsync(HttpMethod.Delete, $"groups/{ExclusionGroupId}/members/{BreakGlassId}/$ref", null);
        await f.Sim.Changes.WhenDeliveredAsync();

        var delta = Assert.Single(f.Receiver.Notifications).Value[0]!["resourceData"]!["members@delta"]!;
        Assert.Equal($$"""[{"id":"{{BreakGlassId}}","@removed":"deleted"}]""", delta.ToJsonString());
    }

    [Fact]
    public async Task Control_api_membership_changes_reach_every_subscription_watching_the_group_and_no_other()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var all = await f.SubscribeAsync("/groups");
        var group = await f.SubscribeAsync($"/groups/{ExclusionGroupId}");
        await f.SubscribeAsync($"/groups/{AdminGroupId}/members");
        await f.SubscribeAsync("/users");

        await f.Sim.Changes.AddGroupMemberAsync(ExclusionGroupId, JoeyId);
        await f.Sim.Changes.RemoveGroupMemberAsync(ExclusionGroupId, JoeyId);

        var posts = f.Receiver.Notifications;
        Assert.Equal(2, posts.Count);
        Assert.All(posts, post => Assert.Equal(
            new[] { all, group }.Order(),
            post.Value.Select(n => n!["subscriptionId"]!.GetValue<string>()).Order()));
        Assert.Equal(new[] { null, "deleted" },
            posts.Select(p => p.Value[0]!["resourceData"]!["members@delta"]![0]!["@removed"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_user_update_notifies_user_subscriptions_only()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var joey = await f.SubscribeAsync($"/users/{JoeyId}");
        await f.SubscribeAsync($"/users/{LenaId}");
        await f.SubscribeAsync("/groups");

        await f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["accountEnabled"] = false });

        var notification = Assert.Single(Assert.Single(f.Receiver.Notifications).Value)!;
        Assert.Equal(joey, notification["subscriptionId"]!.GetValue<string>());
        Assert.Equal($"Users/{JoeyId}", notification["resource"]!.GetValue<string>());
        Assert.Equal("#Microsoft.Graph.User", notification["resourceData"]!["@odata.type"]!.GetValue<string>());
        Assert.Null(notification["resourceData"]!["members@delta"]);
        Assert.False(f.Sim.State.Read(d => d.FindUser(JoeyId)!["accountEnabled"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_delivery_that_fails_twice_is_retried_until_accepted_and_delivered_once()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        await f.SubscribeAsync($"/groups/{ExclusionGroupId}/members");
        var failures = 0;
        f.Receiver.Answer = (context, request) =>
        {
            if (!request.IsValidation && Interlocked.Increment(ref failures) <= 2)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return NotificationReceiver.AnswerLikeGraphExpects(context, request);
        };

        await f.Sim.Changes.AddGroupMemberAsync(ExclusionGroupId, JoeyId);

        var attempts = f.Sim.Changes.Deliveries.Where(d => d.Kind == DeliveryKind.Notification).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([503, 503, 202], attempts.Select(a => a.Status));
        Assert.Single(attempts.Select(a => a.Payload).Distinct());
        Assert.Equal(3, f.Receiver.Notifications.Count);
    }

    [Fact]
    public async Task A_delivery_that_never_succeeds_is_dropped_after_the_give_up_window()
    {
        await using var f = await ChangeTrackingFixture.StartAsync(new ChangeNotificationOptions
        {
            RetryDelay = TimeSpan.FromMilliseconds(10),
            GiveUpAfter = TimeSpan.FromMilliseconds(50),
        });
        await f.SubscribeAsync("/users");
        f.Receiver.Answer = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };

        await f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["displayName"] = "Joey" });

        var attempts = f.Sim.Changes.Deliveries.Where(d => d.Kind == DeliveryKind.Notification).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.False(a.Succeeded));
    }

    [Fact]
    public async Task A_receiver_slower_than_the_delivery_timeout_counts_as_a_failure()
    {
        await using var f = await ChangeTrackingFixture.StartAsync(new ChangeNotificationOptions
        {
            DeliveryTimeout = TimeSpan.FromMilliseconds(100),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });
        await f.SubscribeAsync("/users");
        var slow = 0;
        f.Receiver.Answer = async (context, request) =>
        {
            if (Interlocked.Increment(ref slow) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            await NotificationReceiver.AnswerLikeGraphExpects(context, request);
        };

        await f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["displayName"] = "Joey" });

        Assert.Equal([null, 202], f.Sim.Changes.Deliveries.Where(d => d.Kind == DeliveryKind.Notification).Select(d => d.Status));
    }

    [Fact]
    public async Task Subscriptions_sharing_a_url_share_one_post_and_a_batch_window_joins_changes()
    {
        await using var f = await ChangeTrackingFixture.StartAsync(new ChangeNotificationOptions { BatchWindow = TimeSpan.FromSeconds(1) });
        await f.SubscribeAsync("/users");
        await f.SubscribeAsync($"/users/{JoeyId}");

        var first = f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["displayName"] = "Joey" });
        var second = f.Sim.Changes.UpdateUserAsync(LenaId, new JsonObject { ["displayName"] = "Lena" });
        await Task.WhenAll(first, second);

        var post = Assert.Single(f.Receiver.Notifications);
        Assert.Equal([$"Users/{JoeyId}", $"Users/{JoeyId}", $"Users/{LenaId}"], post.Value.Select(n => n!["resource"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Role_and_policy_changes_notify_nobody()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        await f.SubscribeAsync("/users");
        await f.SubscribeAsync("/groups");

        await f.Sim.Changes.AssignRoleAsync(LenaId, GlobalAdminRoleId);
        await f.Sim.Changes.UpdatePolicyAsync(PolicyId, new JsonObject { ["state"] = "disabled" });
        await f.Sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", new JsonObject { ["state"] = "enabled" });
        await f.Sim.Changes.WhenDeliveredAsync();

        Assert.Empty(f.Receiver.Notifications);
    }
}
