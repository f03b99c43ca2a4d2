using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Why a watched policy does not include an admin, in the terms a fix needs: the role its
/// includeRoles lacks, the role it lists but cannot match (PIM-eligible, admin-unit scoped, custom),
/// the groups the admin is not in, a group that no longer exists.
/// </summary>
internal static class NotTargeted
{
    public static string Explain(ConditionalAccessPolicy policy, Admin admin, TenantDirectory directory)
    {
        var users = policy.Users;
        var parts = new List<string>();
        if (users.IncludeRoles.Count > 0)
        {
            var roles = admin.Roles.DistinctBy(r => r.RoleTemplateId).ToArray();
            var missing = roles.Where(r => !users.IncludeRoles.Contains(r.RoleTemplateId, StringComparer.OrdinalIgnoreCase)).Select(r => r.DisplayName).ToArray();
            if (missing.Length > 0) parts.Add($"includeRoles does not list {string.Join(", ", missing)}");
            parts.AddRange(roles.Where(r => users.IncludeRoles.Contains(r.RoleTemplateId, StringComparer.OrdinalIgnoreCase))
                .Select(r => WhyUnmatched(admin.Roles.Where(h => h.RoleTemplateId == r.RoleTemplateId), directory))
                .OfType<string>());
        }
        var missingGroups = users.IncludeGroups.Where(g => directory.FindGroup(g) is null).ToArray();
        var existingGroups = users.IncludeGroups.Except(missingGroups).ToArray();
        if (existingGroups.Length > 0) parts.Add($"not a member of {string.Join(", ", existingGroups.Select(directory.GroupLabel))}");
        parts.AddRange(missingGroups.Select(g => $"includeGroups names '{g}', which no longer exists"));
        if (users.IncludeUsers.Any(u => u is not "None" and not "All")) parts.Add("not listed in includeUsers");
        if (users.IncludeGuestsOrExternalUsers is { } guests)
            parts.Add($"includes only external user types {string.Join(", ", guests.GuestOrExternalUserTypes)}");
        if (parts.Count == 0) parts.Add("it includes nobody");
        return $"{policy.Label} does not target this user: {string.Join("; ", parts)}";
    }

    /// <summary>Why a role that includeRoles lists does not make CA apply; null when one holding would match.</summary>
    private static string? WhyUnmatched(IEnumerable<AdminRole> holdings, TenantDirectory directory)
    {
        var held = holdings.ToArray();
        var role = held[0];
        if (!directory.ResolveRole(role.RoleTemplateId).IsBuiltIn)
            return $"includeRoles lists {role.DisplayName}, a custom role: includeRoles matches built-in roles only";
        if (held.Any(h => h.Assignment == AssignmentKind.Active && h.DirectoryScopeId == "/")) return null;
        if (held.All(h => h.DirectoryScopeId != "/"))
            return $"includeRoles lists {role.DisplayName}, held only scoped to {string.Join(", ", held.Select(h => h.DirectoryScopeId).Distinct())}: includeRoles matches tenant-wide assignments only";
        return $"includeRoles lists {role.DisplayName}, held only as PIM-eligible: includeRoles applies once it is activated";
    }
}
