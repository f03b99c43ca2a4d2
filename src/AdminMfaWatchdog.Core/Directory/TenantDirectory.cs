using System.Collections.Concurrent;
using AdminMfaWatchdog.Core.Configuration;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// A snapshot indexed for the questions a scan asks: who is this id, which groups is an object in
/// (transitively, with the path), who is in a group (transitively), which roles does a principal hold.
/// Nesting cycles are legal in the data Graph can return and are walked once.
/// </summary>
public sealed class TenantDirectory
{
    private readonly Dictionary<string, DirectoryUser> _usersById;
    private readonly Lazy<Dictionary<string, DirectoryUser>> _usersByUpn;
    private readonly Dictionary<string, DirectoryGroup> _groupsById;
    private readonly Dictionary<string, RoleDefinition> _rolesById;
    private readonly Dictionary<string, NamedLocation> _locationsById;
    private readonly Dictionary<string, AuthenticationStrengthPolicy> _strengthsById;
    private readonly Dictionary<string, List<string>> _groupParents;
    private readonly ConcurrentDictionary<string, string[]> _objectParents = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, RoleAssignment> _assignmentsByPrincipal;
    private readonly ILookup<string, RoleEligibility> _eligibilitiesByPrincipal;
    private readonly ConcurrentDictionary<string, GroupMembership> _membershipCache = new(StringComparer.OrdinalIgnoreCase);

    public TenantDirectory(TenantSnapshot snapshot)
    {
        Snapshot = snapshot;
        var ids = StringComparer.OrdinalIgnoreCase;
        _usersById = snapshot.Users.ToDictionary(u => u.Id, ids);
        _usersByUpn = new(() => IndexByUpn(snapshot.Users));
        _groupsById = snapshot.Groups.ToDictionary(g => g.Id, ids);
        _rolesById = snapshot.RoleDefinitions.ToDictionary(r => r.Id, ids);
        _locationsById = snapshot.NamedLocations.GroupBy(l => l.Id, ids).ToDictionary(g => g.Key, g => g.First(), ids);
        _strengthsById = snapshot.AuthenticationStrengthPolicies.GroupBy(s => s.Id, ids).ToDictionary(g => g.Key, g => g.First(), ids);
        // Only group-in-group edges up front: they are few. Users' memberships are hundreds of
        // thousands in a large tenant and a scan asks about a few thousand users (PrepareMemberships).
        _groupParents = new Dictionary<string, List<string>>(ids);
        foreach (var group in snapshot.Groups)
        {
            foreach (var member in group.Members)
            {
                if (member.Kind != PrincipalKind.Group) continue;
                if (!_groupParents.TryGetValue(member.Id, out var parents)) _groupParents[member.Id] = parents = [];
                parents.Add(group.Id);
            }
        }
        _assignmentsByPrincipal = snapshot.RoleAssignments.ToLookup(a => a.PrincipalId, ids);
        _eligibilitiesByPrincipal = snapshot.RoleEligibilitySchedules.ToLookup(e => e.PrincipalId, ids);
    }

    public TenantSnapshot Snapshot { get; }
    public string TenantId => Snapshot.TenantId;

    public DirectoryUser? FindUser(string id) => _usersById.GetValueOrDefault(id);
    public DirectoryUser? FindUserByIdOrUpn(string idOrUpn) => FindUser(idOrUpn) ?? _usersByUpn.Value.GetValueOrDefault(idOrUpn);
    public DirectoryGroup? FindGroup(string id) => _groupsById.GetValueOrDefault(id);
    public NamedLocation? FindNamedLocation(string id) => _locationsById.GetValueOrDefault(id);
    public AuthenticationStrengthPolicy? FindStrength(string id) => _strengthsById.GetValueOrDefault(id);

    public string GroupLabel(string id) => FindGroup(id) is { } g ? $"'{g.Label}'" : $"'{id}' (not found)";

    /// <summary>A membership path [objectId, group, ..., group] as people read it: "alice@contoso.example -> 'Contractors' -> 'MFA exclusions'".</summary>
    public string DescribePath(IEnumerable<string> path) =>
        string.Join(" -> ", path.Select((id, i) => i == 0 ? FindUser(id)?.Label ?? id : GroupLabel(id)));

    /// <summary>What a role assignment's <c>roleDefinitionId</c> means; an unknown id is taken as a built-in template id, as Graph uses them.</summary>
    public RoleDefinition ResolveRole(string roleDefinitionId) =>
        _rolesById.GetValueOrDefault(roleDefinitionId)
        ?? new RoleDefinition(roleDefinitionId, roleDefinitionId,
            RecommendedAdminRoles.NamesByTemplateId.GetValueOrDefault(roleDefinitionId), IsBuiltIn: true,
            IsPrivileged: RecommendedAdminRoles.TemplateIds.Contains(roleDefinitionId));

    public IEnumerable<RoleAssignment> AssignmentsOf(string principalId) => _assignmentsByPrincipal[principalId];
    public IEnumerable<RoleEligibility> EligibilitiesOf(string principalId) => _eligibilitiesByPrincipal[principalId];

    /// <summary>Every group the object is in, directly or through nesting, each with the shortest path to it.</summary>
    public GroupMembership MembershipOf(string objectId) =>
        _membershipCache.GetOrAdd(objectId, id => GroupMembership.Walk(id, DirectParents));

    /// <summary>
    /// Finds the direct groups of many non-group objects in one pass over the memberships, for the
    /// users a scan will ask about (its admins); any other object costs a pass of its own when asked.
    /// </summary>
    public void PrepareMemberships(IEnumerable<string> objectIds)
    {
        var found = objectIds.Where(id => !_groupsById.ContainsKey(id) && !_objectParents.ContainsKey(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        if (found.Count == 0) return;
        foreach (var group in Snapshot.Groups)
        {
            foreach (var member in group.Members)
            {
                if (member.Kind != PrincipalKind.Group && found.TryGetValue(member.Id, out var groups)) groups.Add(group.Id);
            }
        }
        foreach (var (id, groups) in found) _objectParents.TryAdd(id, groups.ToArray());
    }

    private IReadOnlyList<string> DirectParents(string objectId)
    {
        if (_groupsById.ContainsKey(objectId)) return _groupParents.GetValueOrDefault(objectId) ?? [];
        if (!_objectParents.ContainsKey(objectId)) PrepareMemberships([objectId]);
        return _objectParents[objectId];
    }

    private static Dictionary<string, DirectoryUser> IndexByUpn(IReadOnlyList<DirectoryUser> users)
    {
        var byUpn = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (user.UserPrincipalName is { } upn) byUpn.TryAdd(upn, user);
        }
        return byUpn;
    }

    /// <summary>The users in a group, directly or through nested groups, each with the path that puts them there.</summary>
    public IReadOnlyList<(DirectoryUser User, IReadOnlyList<string> Path)> TransitiveUsers(string groupId)
    {
        var result = new List<(DirectoryUser, IReadOnlyList<string>)>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { groupId };
        var queue = new Queue<(string GroupId, IReadOnlyList<string> Path)>();
        queue.Enqueue((groupId, [groupId]));
        var seenUsers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (queue.Count > 0)
        {
            var (current, path) = queue.Dequeue();
            if (FindGroup(current) is not { } group) continue;
            foreach (var member in group.Members)
            {
                if (member.Kind == PrincipalKind.User && FindUser(member.Id) is { } user && seenUsers.Add(user.Id))
                    result.Add((user, path));
                else if (member.Kind == PrincipalKind.Group && visited.Add(member.Id))
                    queue.Enqueue((member.Id, [.. path, member.Id]));
            }
        }
        return result;
    }
}

/// <summary>The transitive groups of one object, with a predecessor for each so the path can be told.</summary>
public sealed class GroupMembership
{
    private readonly string _objectId;
    private readonly Dictionary<string, string> _reachedFrom;

    private GroupMembership(string objectId, Dictionary<string, string> reachedFrom)
    {
        _objectId = objectId;
        _reachedFrom = reachedFrom;
    }

    public IEnumerable<string> GroupIds => _reachedFrom.Keys;

    public bool Contains(string groupId) => _reachedFrom.ContainsKey(groupId);

    /// <summary>The chain from the object to the group: [objectId, g1, ..., groupId].</summary>
    public IReadOnlyList<string> PathTo(string groupId)
    {
        var path = new List<string> { groupId };
        var current = groupId;
        while (_reachedFrom.TryGetValue(current, out var previous) && !string.Equals(previous, _objectId, StringComparison.OrdinalIgnoreCase))
        {
            path.Add(previous);
            current = previous;
        }
        path.Add(_objectId);
        path.Reverse();
        return path;
    }

    internal static GroupMembership Walk(string objectId, Func<string, IReadOnlyList<string>> directParents)
    {
        var reachedFrom = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        queue.Enqueue(objectId);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var parent in directParents(current))
            {
                if (string.Equals(parent, objectId, StringComparison.OrdinalIgnoreCase) || !reachedFrom.TryAdd(parent, current)) continue;
                queue.Enqueue(parent);
            }
        }
        return new GroupMembership(objectId, reachedFrom);
    }
}
