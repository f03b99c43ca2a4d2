using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>A change one finding calls for, or why it cannot be made (then the action is blocked).</summary>
internal sealed record Proposal(IReadOnlyList<Finding> Findings, RemediationChange Change, string? BlockedReason = null);

/// <summary>
/// The fix each rule's row in DESIGN.md "Rules" names, for one finding. Findings of other rules, and
/// findings whose cause a write cannot fix, propose nothing: they stay alerts.
/// </summary>
internal static class RuleFixes
{
    public static Proposal? For(Finding finding, RemediationTenant tenant) => finding.RuleId switch
    {
        "service-account-not-excluded" when tenant.Expected.ExclusionGroupId is { } groupId =>
            new Proposal([finding], new AddGroupMember(groupId, finding.SubjectId)),
        "unexpected-exclusion" when finding.PolicyId is null && tenant.Expected.ExclusionGroupId is { } groupId =>
            RemoveFromExclusionGroup(finding, groupId, tenant),
        "exclusion-group-not-excluded" when tenant.Expected.ExclusionGroupId is { } groupId && tenant.FindPolicy(finding.SubjectId) is { } policy =>
            new Proposal([finding], new AddExcludedGroup(policy.Id, groupId, [.. policy.Users.ExcludeGroups, groupId])),
        "policy-not-enabled" => new Proposal([finding], new EnablePolicy(finding.SubjectId)),
        "policy-missing" => new Proposal([finding], new RestorePolicy(finding.SubjectId)),
        "admin-not-covered" when MissingAdminRole.Find(finding.SubjectId, tenant) is { } gap =>
            new Proposal([finding], new AddIncludedRoles(gap.Policy.Id, [gap.RoleTemplateId], [.. gap.Policy.Users.IncludeRoles, gap.RoleTemplateId])),
        _ => null,
    };

    /// <summary>Graph deletes direct members only: a membership through a nested group is left to a person.</summary>
    private static Proposal RemoveFromExclusionGroup(Finding finding, string groupId, RemediationTenant tenant)
    {
        var change = new RemoveGroupMember(groupId, finding.SubjectId);
        var directory = tenant.Directory;
        if (!NestedMembership.IsDirectMember(directory, groupId, finding.SubjectId))
            return new Proposal([finding], change,
                $"{tenant.UserLabel(finding.SubjectId)} is a member only through {directory.DescribePath(directory.MembershipOf(finding.SubjectId).PathTo(groupId))}, and Graph removes direct members only: " +
                "take the user out of the nested group, or the nested group out of the exclusion group (either may affect other accounts)");
        if (NestedMembership.PathAroundDirectMembership(directory, groupId, finding.SubjectId) is { } path)
            return new Proposal([finding], change,
                $"{tenant.UserLabel(finding.SubjectId)} would stay in through {directory.DescribePath(path)}: " +
                "removing the direct membership alone would not take them out");
        return new Proposal([finding], change);
    }
}
