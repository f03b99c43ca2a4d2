using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.BreakGlassNotExcluded;

public sealed class BreakGlassNotExcludedRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "break-glass-not-excluded",
        "Break-glass account is subject to an enabled MFA policy",
        Severity.High,
        "Break-glass accounts exist for the day MFA or federation fails. If an enabled policy applies to them, that day nobody can get in to fix it.",
        "Alert only: the watchdog never changes a policy so that it applies to, or stops applying to, a break-glass account.",
        CanRemediate: false,
        "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access");

    public IEnumerable<Finding> Detect(RuleContext context)
    {
        var enabled = context.ExistingWatchedPolicies.Where(p => p.State == PolicyState.Enabled).ToArray();
        foreach (var id in context.Expected.BreakGlassIds)
        {
            if (context.Directory.FindUser(id) is not { AccountEnabled: true } user) continue;
            var subject = SignInSubject.For(user, context.Directory, context.Now);
            foreach (var policy in enabled)
            {
                var assignment = PolicyAssignment.Evaluate(policy, subject, context.Directory);
                if (!assignment.Applies) continue;
                yield return context.NewFinding(Metadata, SubjectType.User, user.Id, user.Label, policy.Id,
                    $"break-glass account {user.Label} is subject to {policy.Label}",
                    [assignment.Explanation!, $"exclude the account from {policy.Label} (excludeUsers or an exclusion group)"]);
            }
        }
    }
}
