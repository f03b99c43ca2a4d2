using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// The references inside a snapshot that must resolve for a scan to mean anything: who holds a role,
/// which role, and who is in a group. A dangling one means the snapshot was cut or hand-edited wrongly.
/// </summary>
internal static class SnapshotReferences
{
    public static void Check(TenantSnapshot snapshot, string source)
    {
        var users = snapshot.Users.Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = snapshot.Groups.Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var servicePrincipals = snapshot.ServicePrincipals.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roles = snapshot.RoleDefinitions.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        RejectDuplicates(snapshot.Users.Select(u => u.Id), "users", source);
        RejectDuplicates(snapshot.Groups.Select(g => g.Id), "groups", source);
        RejectDuplicates(snapshot.ConditionalAccessPolicies.Select(p => p.Id), "conditionalAccessPolicies", source);

        bool IsPrincipal(string id) => users.Contains(id) || groups.Contains(id) || servicePrincipals.Contains(id);

        for (var g = 0; g < snapshot.Groups.Count; g++)
        {
            var members = snapshot.Groups[g].Members;
            for (var m = 0; m < members.Count; m++)
            {
                var known = members[m].Kind switch
                {
                    PrincipalKind.User => users.Contains(members[m].Id),
                    PrincipalKind.Group => groups.Contains(members[m].Id),
                    PrincipalKind.ServicePrincipal => servicePrincipals.Contains(members[m].Id),
                    _ => true,
                };
                if (!known)
                    throw new InvalidInputException(source, $"$.groups[{g}].members[{m}].id",
                        $"{members[m].Kind} '{members[m].Id}' is not in the snapshot");
            }
        }

        CheckRoleHolders(snapshot.RoleAssignments.Select(a => (a.PrincipalId, a.RoleDefinitionId)), "roleAssignments");
        CheckRoleHolders(snapshot.RoleEligibilitySchedules.Select(e => (e.PrincipalId, e.RoleDefinitionId)), "roleEligibilitySchedules");

        void CheckRoleHolders(IEnumerable<(string PrincipalId, string RoleDefinitionId)> holders, string key)
        {
            var i = 0;
            foreach (var (principalId, roleDefinitionId) in holders)
            {
                if (!IsPrincipal(principalId))
                    throw new InvalidInputException(source, $"$.{key}[{i}].principalId",
                        $"principal '{principalId}' is not a user, group or service principal of the snapshot");
                // Without any role definitions the ids are taken as built-in template ids, as Graph uses them.
                if (roles.Count > 0 && !roles.Contains(roleDefinitionId))
                    throw new InvalidInputException(source, $"$.{key}[{i}].roleDefinitionId",
                        $"role definition '{roleDefinitionId}' is not in roleDefinitions");
                i++;
            }
        }
    }

    private static void RejectDuplicates(IEnumerable<string> ids, string key, string source)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) throw new InvalidInputException(source, $"$.{key}[{i}].id", $"duplicate id '{id}'");
            i++;
        }
    }
}
