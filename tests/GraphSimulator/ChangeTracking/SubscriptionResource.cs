using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.ChangeTracking;

internal enum ResourceKind { Users, User, Groups, Group, GroupMembers }

/// <summary>
/// What a subscription watches: <c>/users</c>, <c>/users/{id}</c>, <c>/groups</c>, <c>/groups/{id}</c> or
/// <c>/groups/{id}/members</c> (leading slash optional, case-insensitive), the directory resources Graph
/// supports that the watchdog needs (graph-facts 1.1).
/// </summary>
internal sealed record SubscriptionResource(ResourceKind Kind, string? Id)
{
    /// <summary>Parses and checks the resource against the tenant: an unknown user or group is a 404, as on Graph.</summary>
    public static SubscriptionResource Parse(string resource, TenantData data)
    {
        var segments = resource.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parsed = segments switch
        {
            [var users] when Is(users, "users") => new SubscriptionResource(ResourceKind.Users, null),
            [var users, var id] when Is(users, "users") => new SubscriptionResource(ResourceKind.User, id),
            [var groups] when Is(groups, "groups") => new SubscriptionResource(ResourceKind.Groups, null),
            [var groups, var id] when Is(groups, "groups") => new SubscriptionResource(ResourceKind.Group, id),
            [var groups, var id, var members] when Is(groups, "groups") && Is(members, "members") =>
                new SubscriptionResource(ResourceKind.GroupMembers, id),
            _ => throw new GraphException(400, "InvalidRequest",
                $"The resource '{resource}' is not supported for change notifications by the simulator: use /users, /users/{{id}}, /groups, /groups/{{id}} or /groups/{{id}}/members."),
        };
        var exists = parsed.Kind switch
        {
            ResourceKind.User => data.FindUser(parsed.Id!) is not null,
            ResourceKind.Group or ResourceKind.GroupMembers => data.FindGroup(parsed.Id!) is not null,
            _ => true,
        };
        return exists ? parsed : throw GraphException.NotFound(parsed.Id!);
    }

    public bool Watches(TenantChange change) => (Kind, change.Kind) switch
    {
        (ResourceKind.Users, ChangedKind.User) or (ResourceKind.Groups, ChangedKind.Group) => true,
        (ResourceKind.User, ChangedKind.User) or (ResourceKind.Group, ChangedKind.Group) => SameId(change),
        // A members subscription hears about membership changes only, not about the group's own properties.
        (ResourceKind.GroupMembers, ChangedKind.Group) => change.MembersDelta is not null && SameId(change),
        _ => false,
    };

    private bool SameId(TenantChange change) => string.Equals(Id, change.Id, StringComparison.OrdinalIgnoreCase);

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
}
