using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// A user as Conditional Access sees them at sign-in: their groups (transitively) and the roles
/// <c>includeRoles</c>/<c>excludeRoles</c> can match — active, tenant-wide, built-in, held directly or
/// through a role-assignable group.
/// </summary>
public sealed record SignInSubject(
    DirectoryUser User,
    GroupMembership Membership,
    IReadOnlySet<string> MatchableRoleTemplateIds,
    string? ExternalUserType)
{
    /// <param name="withEligibleActivated">evaluate as if every current PIM eligibility were activated.</param>
    public static SignInSubject For(DirectoryUser user, TenantDirectory directory, DateTimeOffset now, bool withEligibleActivated = false)
    {
        var membership = directory.MembershipOf(user.Id);
        var principals = membership.GroupIds.Prepend(user.Id);
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var principal in principals)
        {
            var grants = directory.AssignmentsOf(principal).Select(a => (a.RoleDefinitionId, a.DirectoryScopeId));
            if (withEligibleActivated)
                grants = grants.Concat(directory.EligibilitiesOf(principal).Where(e => e.IsCurrent(now)).Select(e => (e.RoleDefinitionId, e.DirectoryScopeId)));
            foreach (var (roleDefinitionId, scope) in grants)
            {
                var role = directory.ResolveRole(roleDefinitionId);
                if (role.IsBuiltIn && scope == "/") roles.Add(role.EffectiveTemplateId);
            }
        }
        return new SignInSubject(user, membership, roles, ExternalTypeOf(user));
    }

    /// <summary>DESIGN.md "Guests": userType Guest is a B2B collaboration guest; a Member with #EXT# a B2B collaboration member.</summary>
    public static string? ExternalTypeOf(DirectoryUser user)
    {
        if (string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase)) return "b2bCollaborationGuest";
        return user.UserPrincipalName?.Contains("#EXT#", StringComparison.OrdinalIgnoreCase) == true ? "b2bCollaborationMember" : null;
    }
}
