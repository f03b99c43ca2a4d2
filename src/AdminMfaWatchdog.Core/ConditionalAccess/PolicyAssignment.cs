using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Whether a policy's user conditions select a user, and the words that say why. A user the policy
/// does not include gets no words here (<see cref="NotTargeted"/> tells why, which costs more and is
/// wanted for watched policies only).
/// </summary>
public sealed record AssignmentResult(bool Applies, bool Included, string? Explanation);

/// <summary>
/// Conditional Access assignment, as Microsoft documents it: included by user, transitive group,
/// active tenant-wide built-in role or external user type; excluded by any of the same; exclusion wins.
/// </summary>
public static class PolicyAssignment
{
    public static AssignmentResult Evaluate(ConditionalAccessPolicy policy, SignInSubject subject, TenantDirectory directory)
    {
        var users = policy.Users;
        var inclusion = FindInclusion(users, subject, directory);
        if (inclusion is null) return new AssignmentResult(false, false, null);
        var exclusion = FindExclusion(users, subject, directory);
        if (exclusion is not null)
            return new AssignmentResult(false, true, $"excluded from {policy.Label} {exclusion}");
        return new AssignmentResult(true, true, $"{policy.Label} applies ({inclusion})");
    }

    private static string? FindInclusion(UserConditions users, SignInSubject subject, TenantDirectory directory)
    {
        var user = subject.User;
        if (Contains(users.IncludeUsers, "All")) return "includes All users";
        if (Contains(users.IncludeUsers, user.Id)) return "user listed in includeUsers";
        if (subject.ExternalUserType is not null && Contains(users.IncludeUsers, "GuestsOrExternalUsers"))
            return "includes guests or external users";
        foreach (var groupId in users.IncludeGroups)
        {
            if (subject.Membership.Contains(groupId)) return $"through {directory.DescribePath(subject.Membership.PathTo(groupId))}";
        }
        foreach (var roleId in users.IncludeRoles)
        {
            if (subject.MatchableRoleTemplateIds.Contains(roleId)) return $"through role {RoleName(roleId, directory)}";
        }
        // Enumerated home tenants cannot be proven from the directory: never assume they include.
        if (users.IncludeGuestsOrExternalUsers is { TenantsEnumerated: false } included && subject.ExternalUserType is { } type
            && Contains(included.GuestOrExternalUserTypes, type))
            return $"includes external user type {type}";
        return null;
    }

    private static string? FindExclusion(UserConditions users, SignInSubject subject, TenantDirectory directory)
    {
        var user = subject.User;
        if (Contains(users.ExcludeUsers, user.Id)) return "by excludeUsers (the user is listed by id)";
        if (subject.ExternalUserType is not null && Contains(users.ExcludeUsers, "GuestsOrExternalUsers"))
            return "as a guest or external user (excludeUsers GuestsOrExternalUsers)";
        foreach (var groupId in users.ExcludeGroups)
        {
            if (subject.Membership.Contains(groupId)) return $"through {directory.DescribePath(subject.Membership.PathTo(groupId))} (excludeGroups)";
        }
        foreach (var roleId in users.ExcludeRoles)
        {
            if (subject.MatchableRoleTemplateIds.Contains(roleId)) return $"by role {RoleName(roleId, directory)} (excludeRoles)";
        }
        // Conservative: when the home tenants are enumerated, assume the exclusion matches.
        if (users.ExcludeGuestsOrExternalUsers is { } excluded && subject.ExternalUserType is { } type
            && Contains(excluded.GuestOrExternalUserTypes, type))
            return excluded.TenantsEnumerated
                ? $"as external user type {type} (home tenant cannot be proven, assumed excluded)"
                : $"as external user type {type}";
        return null;
    }

    internal static string RoleName(string templateId, TenantDirectory directory) => directory.ResolveRole(templateId).DisplayName ?? templateId;

    private static bool Contains(IReadOnlyList<string> values, string value) => values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
