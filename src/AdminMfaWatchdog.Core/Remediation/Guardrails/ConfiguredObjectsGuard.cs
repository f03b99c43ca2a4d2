namespace AdminMfaWatchdog.Core.Remediation.Guardrails;

/// <summary>
/// Touch only configured objects: the exclusion group and the watched policies. A deleted policy is
/// restored only when it is listed in <c>watchedPolicyIds</c> by id.
/// </summary>
internal sealed class ConfiguredObjectsGuard(RemediationTenant tenant) : IChangeGuard
{
    public string? Refuse(RemediationChange change) => change switch
    {
        GroupMemberChange g when !Same(g.GroupId, tenant.Expected.ExclusionGroupId) =>
            $"group {g.GroupId} is not the configured exclusion group: no other group is ever written",
        RestorePolicy r when !tenant.Config.WatchedPolicyIds.Contains(r.PolicyId, StringComparer.OrdinalIgnoreCase) =>
            $"policy {r.PolicyId} is not listed in watchedPolicyIds: only listed policies are restored",
        PolicyEdit p when !tenant.WatchedPolicyIds.Contains(p.PolicyId) =>
            $"{tenant.PolicyLabel(p.PolicyId)} is not a watched policy: no other policy is ever written",
        _ => null,
    };

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
