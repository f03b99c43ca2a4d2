using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.PolicyMissing;

public sealed class PolicyMissingRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "policy-missing",
        "Watched MFA policy no longer exists",
        Severity.Critical,
        "A deleted policy protects nobody. Conditional Access keeps deleted policies for 30 days, so it can still be restored as it was.",
        "Restore the policy from deleted items (identity/conditionalAccess/deletedItems/policies/{id}/restore), then read it back.",
        CanRemediate: true,
        "https://learn.microsoft.com/graph/api/policydeletableitem-restore");

    public IEnumerable<Finding> Detect(RuleContext context) =>
        context.WatchedPolicies.Where(w => w.Policy is null).Select(missing => context.NewFinding(
            Metadata, SubjectType.Policy, missing.Id, missing.Id, missing.Id,
            $"watched policy {missing.Id} does not exist",
            ["the id is listed in watchedPolicyIds but the tenant has no such policy (deleted, or a wrong id)"]));
}
