using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.PolicyNotEnabled;

public sealed class PolicyNotEnabledRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "policy-not-enabled",
        "Watched MFA policy is disabled or report-only",
        Severity.Critical,
        "A disabled or report-only policy enforces nothing: every admin it was meant to protect signs in without MFA. Policies flipped to report-only \"for a test\" are a common way this decays.",
        "Set the policy's state back to enabled, unless that would make it apply to a break-glass account (then blocked and alerted); read the policy back.",
        CanRemediate: true,
        "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-report-only");

    public IEnumerable<Finding> Detect(RuleContext context) =>
        context.ExistingWatchedPolicies.Where(p => p.State != PolicyState.Enabled).Select(policy => context.NewFinding(
            Metadata, SubjectType.Policy, policy.Id, policy.DisplayName ?? policy.Id, policy.Id,
            $"{policy.Label} is {(policy.State == PolicyState.Disabled ? "disabled" : "report-only")}",
            [$"state is {(policy.State == PolicyState.Disabled ? "disabled" : "enabledForReportingButNotEnforced")}: the policy enforces nothing"]));
}
