using System.Text.Json.Nodes;
using GraphSimulator.AuditLogs;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// The test's way to change the tenant as an admin in the portal would: each change is audited
/// (initiatedBy a portal admin) and notifies the subscriptions Graph would notify. <c>State.Mutate</c>
/// stays the way to change the tenant silently. Unknown objects throw the
/// <see cref="Wire.GraphException"/> Graph would answer with.
/// Every task completes once the change's notifications are delivered or given up (at once when it
/// causes none, as role and policy changes), so that a test can assert on what the receiver got.
/// </summary>
public sealed class TenantChanges
{
    private readonly ChangeTrackingServices _services;

    internal TenantChanges(ChangeTrackingServices services) => _services = services;

    /// <summary>Every POST made to notification and lifecycle endpoints so far (validation requests included), in order.</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries => _services.Dispatcher.Log;

    /// <summary>Completes when no notification or lifecycle POST is waiting to be sent or retried.</summary>
    public Task WhenDeliveredAsync(CancellationToken cancellationToken = default) => _services.Dispatcher.WhenIdleAsync(cancellationToken);

    /// <summary>"Add member to group"; notifies <c>/groups</c>, <c>/groups/{id}</c> and <c>/groups/{id}/members</c>.</summary>
    public Task AddGroupMemberAsync(string groupId, string memberId) =>
        _services.Directory.AddGroupMemberAsync(groupId, memberId, AuditActor.PortalAdmin);

    /// <summary>"Remove member from group"; notifies like an add, the member marked <c>"@removed":"deleted"</c>.</summary>
    public Task RemoveGroupMemberAsync(string groupId, string memberId) =>
        _services.Directory.RemoveGroupMemberAsync(groupId, memberId, AuditActor.PortalAdmin);

    /// <summary>"Update user" with <paramref name="patch"/> merged in; notifies <c>/users</c> and <c>/users/{id}</c>.</summary>
    public Task UpdateUserAsync(string userId, JsonObject patch) =>
        _services.Directory.UpdateUserAsync(userId, patch, AuditActor.PortalAdmin);

    /// <summary>"Add member to role": an active assignment. No notification: Graph has none for roles.</summary>
    public Task AssignRoleAsync(string principalId, string roleDefinitionId, string directoryScopeId = "/")
    {
        _services.Directory.AssignRole(principalId, roleDefinitionId, directoryScopeId, AuditActor.PortalAdmin);
        return Task.CompletedTask;
    }

    /// <summary>"Remove member from role". No notification.</summary>
    public Task RemoveRoleAssignmentAsync(string principalId, string roleDefinitionId, string directoryScopeId = "/")
    {
        _services.Directory.RemoveRoleAssignment(principalId, roleDefinitionId, directoryScopeId, AuditActor.PortalAdmin);
        return Task.CompletedTask;
    }

    /// <summary>"Update conditional access policy", as a PATCH would. No notification: Graph has none for policies.</summary>
    public Task UpdatePolicyAsync(string policyId, JsonObject patch)
    {
        _services.Directory.UpdatePolicy(policyId, patch, AuditActor.PortalAdmin);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Posts a lifecycle notification to the subscription's lifecycleNotificationUrl (which expects 202).
    /// <c>reauthorizationRequired</c> pauses the subscription's notifications until it is reauthorized or
    /// renewed; <c>subscriptionRemoved</c> deletes it; <c>missed</c> only tells.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown event, no such subscription, or one without a lifecycle URL.</exception>
    public Task SendLifecycleAsync(string subscriptionId, string lifecycleEvent)
    {
        var subscriptions = _services.Subscriptions;
        var existing = subscriptions.Find(subscriptionId) ?? throw new ArgumentException($"No subscription '{subscriptionId}'.", nameof(subscriptionId));
        if (existing.LifecycleNotificationUrl is null)
        {
            throw new ArgumentException($"Subscription '{subscriptionId}' has no lifecycleNotificationUrl.", nameof(subscriptionId));
        }

        var subscription = lifecycleEvent switch
        {
            LifecycleEvents.ReauthorizationRequired => subscriptions.Update(subscriptionId, s => s with { ReauthorizationPending = true }),
            LifecycleEvents.SubscriptionRemoved => subscriptions.Remove(subscriptionId),
            LifecycleEvents.Missed => existing,
            _ => throw new ArgumentException($"Unknown lifecycle event '{lifecycleEvent}'.", nameof(lifecycleEvent)),
        };
        return _services.Notifier.SendLifecycleAsync(subscription ?? existing, lifecycleEvent);
    }
}

/// <summary>The <c>lifecycleEvent</c> values of v1.0's <c>lifecycleEventType</c>.</summary>
public static class LifecycleEvents
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";
}
