using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.ExclusionGroupNotExcluded;

public sealed class ExclusionGroupNotExcludedRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "exclusion-group-not-excluded",
        "Watched policy does not exclude the service-account exclusion group",
        Severity.High,
        "Once the exclusion group is dropped from a policy, every service account in it is prompted for MFA it cannot do; sign-ins fail and the policy tends to be switched off to restore service.",
        "Add the exclusion group back to the policy's excludeGroups (the whole array is written), then read the policy back.",
        CanRemediate: true,
        "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-users-groups#exclude-users");

    public IEnumerable<Finding> Detect(RuleContext context)
    {
        if (context.Expected.ExclusionGroupId is not { } groupId) yield break;
        var group = context.Directory.GroupLabel(groupId);
        foreach (var policy in context.ExistingWatchedPolicies)
        {
            if (policy.Users.ExcludeGroups.Contains(groupId, StringComparer.OrdinalIgnoreCase)) continue;
            yield return context.NewFinding(Metadata, SubjectType.Policy, policy.Id, policy.DisplayName ?? policy.Id, policy.Id,
                $"{policy.Label} does not exclude the exclusion group {group}",
                [$"excludeGroups of {policy.Label} is [{string.Join(", ", policy.Users.ExcludeGroups.Select(context.Directory.GroupLabel))}]"]);
        }
    }
}
