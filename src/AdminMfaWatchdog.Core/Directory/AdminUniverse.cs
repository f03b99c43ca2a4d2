using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>A user who holds (or may activate) at least one watched privileged role.</summary>
public sealed record Admin(DirectoryUser User, IReadOnlyList<AdminRole> Roles);

/// <summary>
/// Finds every holder of a watched privileged role: active and PIM-eligible, directly and through
/// role-assignable groups, tenant-wide and admin-unit scoped. Service principals hold roles too, but
/// Conditional Access user conditions never apply to them, so they are not admins in this sense.
/// </summary>
public static class AdminUniverse
{
    public static IReadOnlyList<Admin> Find(TenantDirectory directory, IReadOnlySet<string> privilegedTemplateIds, DateTimeOffset now)
    {
        bool IsWatched(RoleDefinition role) =>
            privilegedTemplateIds.Contains(role.EffectiveTemplateId) || privilegedTemplateIds.Contains(role.Id);

        var holdings = new Dictionary<string, List<AdminRole>>(StringComparer.OrdinalIgnoreCase);
        var snapshot = directory.Snapshot;
        var grants = snapshot.RoleAssignments.Select(a => (a.PrincipalId, a.RoleDefinitionId, a.DirectoryScopeId, AssignmentKind.Active))
            .Concat(snapshot.RoleEligibilitySchedules.Where(e => e.IsCurrent(now))
                .Select(e => (e.PrincipalId, e.RoleDefinitionId, e.DirectoryScopeId, AssignmentKind.Eligible)));

        foreach (var (principalId, roleDefinitionId, scope, kind) in grants)
        {
            var role = directory.ResolveRole(roleDefinitionId);
            if (!IsWatched(role)) continue;
            var name = role.DisplayName ?? role.EffectiveTemplateId;
            if (directory.FindUser(principalId) is { } user)
            {
                Add(user.Id, new AdminRole(role.EffectiveTemplateId, name, kind, AssignmentPath.Direct, null, scope));
            }
            else if (directory.FindGroup(principalId) is { } group)
            {
                foreach (var (member, _) in directory.TransitiveUsers(group.Id))
                    Add(member.Id, new AdminRole(role.EffectiveTemplateId, name, kind, AssignmentPath.Group, group.Id, scope));
            }
        }

        return holdings
            .Select(h => new Admin(directory.FindUser(h.Key)!, h.Value.Distinct()
                .OrderBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Assignment).ThenBy(r => r.Via)
                .ThenBy(r => r.GroupId, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.DirectoryScopeId, StringComparer.OrdinalIgnoreCase)
                .ToArray()))
            .OrderBy(a => a.User.Label, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.User.Id, StringComparer.OrdinalIgnoreCase)
            .ToArray();

        void Add(string userId, AdminRole role)
        {
            if (!holdings.TryGetValue(userId, out var roles)) holdings[userId] = roles = [];
            roles.Add(role);
        }
    }
}

/// <summary>Which roles make a user an admin, as template ids (what CA <c>includeRoles</c> holds).</summary>
public static class PrivilegedRoles
{
    public static IReadOnlySet<string> TemplateIds(PrivilegedRoleSelection selection, TenantDirectory directory) => selection.Mode switch
    {
        PrivilegedRoleMode.Recommended => RecommendedAdminRoles.TemplateIds,
        PrivilegedRoleMode.AllPrivileged => directory.Snapshot.RoleDefinitions.Where(r => r.IsPrivileged)
            .Select(r => r.EffectiveTemplateId).ToHashSet(StringComparer.OrdinalIgnoreCase),
        _ => selection.TemplateIds.ToHashSet(StringComparer.OrdinalIgnoreCase),
    };
}
