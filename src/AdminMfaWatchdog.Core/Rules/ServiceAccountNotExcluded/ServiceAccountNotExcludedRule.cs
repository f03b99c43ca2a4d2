using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.ServiceAccountNotExcluded;

public sealed class ServiceAccountNotExcludedRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "service-account-not-excluded",
        "Service account missing from the exclusion group",
        Severity.Medium,
        "A service account that cannot do MFA and is not in the exclusion group fails when the MFA policy reaches it; the usual quick fix under pressure is to weaken the policy for everyone.",
        "Add the account to the exclusion group (members/$ref), then read the group back.",
        CanRemediate: true,
        "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength#user-exclusions");

    public IEnumerable<Finding> Detect(RuleContext context)
    {
        if (context.Expected.ExclusionGroupId is not { } groupId) yield break;
        var membersOfExclusionGroup = context.Directory.TransitiveUsers(groupId).Select(m => m.User.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var group = context.Directory.GroupLabel(groupId);
        foreach (var user in context.Directory.Snapshot.Users)
        {
            if (!user.AccountEnabled || context.Expected.IsBreakGlass(user) || membersOfExclusionGroup.Contains(user.Id)) continue;
            if (context.Expected.ServiceAccountMatch(user) is not { } match) continue;
            yield return context.NewFinding(Metadata, SubjectType.User, user.Id, user.Label, null,
                $"service account {user.Label} is not in the exclusion group {group}",
                [$"matched as a service account: {match}", $"not a member of {group}, directly or through nested groups"]);
        }
    }
}
