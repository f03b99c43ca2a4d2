using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// Turns tenant changes and lifecycle events into the POSTs Graph would send: basic notifications
/// (no resource data, graph-facts 1.7) to every active subscription that watches the change, one
/// POST per notification URL, and lifecycle notifications (1.8) to lifecycle URLs.
/// </summary>
internal sealed class ChangeNotifier(TenantState state, SubscriptionStore subscriptions, NotificationDispatcher dispatcher)
{
    /// <summary>Completes when every notification the change caused is delivered or given up.</summary>
    public Task PublishAsync(TenantChange change)
    {
        var tenantId = state.Read(d => d.TenantId);
        var deliveries = subscriptions.All()
            .Where(s => !s.ReauthorizationPending && s.Accepts("updated") && s.Target.Watches(change))
            .GroupBy(s => s.NotificationUrl, StringComparer.Ordinal)
            .Select(byUrl => dispatcher.Enqueue(DeliveryKind.Notification, byUrl.Key,
                byUrl.Select(s => Notification(s, change, tenantId)).ToList()));
        return Task.WhenAll(deliveries.ToList());
    }

    /// <summary>Posts the event to the subscription's lifecycle URL (the caller checked it has one); completes when delivered or given up.</summary>
    public Task SendLifecycleAsync(StoredSubscription subscription, string lifecycleEvent)
    {

        var item = new JsonObject
        {
            ["subscriptionId"] = subscription.Id.ToString(),
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["tenantId"] = state.Read(d => d.TenantId),
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };
        return dispatcher.Enqueue(DeliveryKind.Lifecycle, subscription.LifecycleNotificationUrl!, [item]);
    }

    /// <summary>Notifications name resources in PascalCase (<c>Groups/{id}</c>, <c>#Microsoft.Graph.Group</c>), unlike REST.</summary>
    private static JsonObject Notification(StoredSubscription subscription, TenantChange change, string tenantId)
    {
        var (segment, type) = change.Kind == ChangedKind.User ? ("Users", "#Microsoft.Graph.User") : ("Groups", "#Microsoft.Graph.Group");
        var resource = $"{segment}/{change.Id}";
        var resourceData = new JsonObject
        {
            ["@odata.type"] = type,
            ["@odata.id"] = resource,
            ["id"] = change.Id,
            ["organizationId"] = tenantId,
        };
        if (change.MembersDelta is { } delta)
        {
            resourceData["members@delta"] = new JsonArray(delta.Select(m => (JsonNode)m.DeepClone()).ToArray());
        }

        return new JsonObject
        {
            ["changeType"] = "updated",
            ["clientState"] = subscription.ClientState,
            ["resource"] = resource,
            ["resourceData"] = resourceData,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            ["subscriptionId"] = subscription.Id.ToString(),
            ["tenantId"] = tenantId,
        };
    }
}
