using System.Text.Json.Nodes;

namespace GraphSimulator.ChangeTracking;

internal enum ChangedKind { User, Group }

/// <summary>
/// A change to a user or group that subscriptions may hear about. Membership changes carry
/// <c>members@delta</c> items: <c>{"id":..}</c> added, <c>{"id":..,"@removed":"deleted"}</c> removed.
/// </summary>
internal sealed record TenantChange(ChangedKind Kind, string Id, IReadOnlyList<JsonObject>? MembersDelta = null)
{
    public static TenantChange MemberAdded(string groupId, string memberId) =>
        new(ChangedKind.Group, groupId, [new JsonObject { ["id"] = memberId }]);

    public static TenantChange MemberRemoved(string groupId, string memberId) =>
        new(ChangedKind.Group, groupId, [new JsonObject { ["id"] = memberId, ["@removed"] = "deleted" }]);

    public static TenantChange UserUpdated(string userId) => new(ChangedKind.User, userId);
}
