using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>The groups, and the ones policies and roles refer to by purpose.</summary>
internal sealed record GroupLayout(
    IReadOnlyList<DirectoryGroup> Groups,
    DirectoryGroup ServiceAccountExclusion,
    DirectoryGroup TravelExclusion,
    IReadOnlyList<DirectoryGroup> RoleAssignable,
    IReadOnlyList<DirectoryGroup> Departments,
    IReadOnlyList<DirectoryGroup> PolicyTargets,
    IReadOnlyList<DirectoryGroup> Teams);

/// <summary>A group while its members are still being decided.</summary>
internal sealed class GroupDraft(string id, string displayName, GroupKind kind, string? membershipRule = null)
{
    public string Id { get; } = id;
    public GroupKind Kind { get; } = kind;
    public List<GroupMember> Members { get; } = [];

    public void Add(DirectoryUser user) => Members.Add(new GroupMember(user.Id, PrincipalKind.User));

    public void Add(GroupDraft group) => Members.Add(new GroupMember(group.Id, PrincipalKind.Group));

    /// <summary>Role-assignable groups cannot hold groups, and Microsoft 365 groups hold users only.</summary>
    public bool CanNest => Kind is GroupKind.Security;

    public DirectoryGroup Build() => new(Id, displayName,
        Kind switch
        {
            GroupKind.Microsoft365 => ["Unified"],
            GroupKind.Dynamic => ["DynamicMembership"],
            _ => [],
        },
        membershipRule, IsAssignableToRole: Kind == GroupKind.RoleAssignable, SecurityEnabled: Kind != GroupKind.Microsoft365,
        Members.Distinct().ToArray());
}

internal enum GroupKind { Security, Microsoft365, Dynamic, RoleAssignable }
