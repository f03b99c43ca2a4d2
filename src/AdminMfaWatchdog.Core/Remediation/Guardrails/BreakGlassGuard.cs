using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Remediation.Guardrails;

/// <summary>
/// Never enable or change a policy so that it applies to a break-glass account: emergency access must
/// survive any policy the watchdog writes. A policy "applies" when it is enabled (it enforces) and its
/// user conditions select the account, judged with <see cref="PolicyAssignment"/> on the CHANGED policy.
/// A policy that already applied before the change is not made worse by it (break-glass-not-excluded
/// reports that case).
/// </summary>
internal sealed class BreakGlassGuard(RemediationTenant tenant) : IChangeGuard
{
    public string? Refuse(RemediationChange change) =>
        change is PolicyEdit edit && tenant.FindPolicy(edit.PolicyId) is { } policy
            ? Check(policy, edit.ApplyTo(policy))
            : null;

    /// <param name="before">the policy as it is; null when it does not exist (a restore).</param>
    public string? Check(ConditionalAccessPolicy? before, ConditionalAccessPolicy after)
    {
        foreach (var id in tenant.Expected.BreakGlassIds.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (tenant.Directory.FindUser(id) is not { } account) continue;
            var subject = tenant.SubjectOf(account);
            if (Enforces(after, subject) && !(before is not null && Enforces(before, subject)))
                return $"{after.Label} would then apply to break-glass account {account.Label}: exclude the account from the policy first";
        }
        return null;
    }

    private bool Enforces(ConditionalAccessPolicy policy, SignInSubject subject) =>
        policy.State == PolicyState.Enabled && PolicyAssignment.Evaluate(policy, subject, tenant.Directory).Applies;
}
