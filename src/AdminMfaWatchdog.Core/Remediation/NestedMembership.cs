using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>
/// How a user is in a group: directly (a write can remove that) or through nested groups (it cannot:
/// Graph deletes direct members only, and the nested group may hold others).
/// </summary>
internal static class NestedMembership
{
    public static bool IsDirectMember(TenantDirectory directory, string groupId, string userId) =>
        directory.FindGroup(groupId)?.Members.Any(m => m.Kind == PrincipalKind.User && Same(m.Id, userId)) == true;

    /// <summary>
    /// A path that keeps the user in the group without the direct membership, e.g.
    /// [user, 'SG-IT-Automation', 'CA-Exclude']; null when there is none.
    /// </summary>
    public static IReadOnlyList<string>? PathAroundDirectMembership(TenantDirectory directory, string groupId, string userId)
    {
        // Each other group the user is directly in, and whether that group reaches the target. The
        // path up from such a group never needs the user's own direct membership, so removing it
        // would leave the user in.
        foreach (var parent in directory.Snapshot.Groups.Where(g => !Same(g.Id, groupId) && g.Members.Any(m => Same(m.Id, userId))))
        {
            var membership = directory.MembershipOf(parent.Id);
            if (membership.Contains(groupId)) return [userId, .. membership.PathTo(groupId)];
        }
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
