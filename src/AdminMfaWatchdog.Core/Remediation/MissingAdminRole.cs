using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>
/// The one cause of admin-not-covered that a write fixes: a watched, role-targeted policy that would
/// force the admin through MFA, but whose includeRoles lacks the role the admin holds. Read from the
/// tenant model, never from a finding's words.
/// </summary>
internal static class MissingAdminRole
{
    public sealed record Gap(ConditionalAccessPolicy Policy, string RoleTemplateId);

    /// <summary>The first watched policy, and the admin's role, whose addition makes the policy apply; null for any other cause.</summary>
    public static Gap? Find(string userId, RemediationTenant tenant)
    {
        var directory = tenant.Directory;
        if (directory.FindUser(userId) is not { } user) return null;
        var subject = tenant.SubjectOf(user);
        // Only roles includeRoles can match (active, tenant-wide, built-in) and that make the user an admin.
        var roles = subject.MatchableRoleTemplateIds.Where(tenant.PrivilegedRoleIds.Contains)
            .Order(StringComparer.OrdinalIgnoreCase).ToArray();
        if (roles.Length == 0) return null;

        foreach (var policy in tenant.ExistingWatchedPolicies.Where(p => WouldCover(p, tenant)))
        {
            // Already included (then excluded, or in some other way not applying): a missing role is not the cause.
            if (PolicyAssignment.Evaluate(policy, subject, directory).Included) continue;
            foreach (var role in roles.Where(r => !policy.Users.IncludeRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                var widened = policy with { Users = policy.Users with { IncludeRoles = [.. policy.Users.IncludeRoles, role] } };
                if (PolicyAssignment.Evaluate(widened, subject, directory).Applies) return new Gap(policy, role);
            }
        }
        return null;
    }

    /// <summary>Role-targeted, enforced and MFA-grade: adding a role to it covers that role's holders.</summary>
    private static bool WouldCover(ConditionalAccessPolicy policy, RemediationTenant tenant) =>
        policy.Users.IncludeRoles.Count > 0
        && policy.State == PolicyState.Enabled
        && GrantStrength.Evaluate(policy.Grant, tenant.Directory).IsMfaGrade;
}
