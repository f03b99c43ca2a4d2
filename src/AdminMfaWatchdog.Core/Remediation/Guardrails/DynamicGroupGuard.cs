namespace AdminMfaWatchdog.Core.Remediation.Guardrails;

/// <summary>A dynamic group's membership rule decides its members; Graph answers 403 to any member write.</summary>
internal sealed class DynamicGroupGuard(RemediationTenant tenant) : IChangeGuard
{
    public string? Refuse(RemediationChange change) =>
        change is GroupMemberChange g && tenant.Directory.FindGroup(g.GroupId) is { IsDynamic: true } group
            ? $"dynamic groups cannot be written: the membership rule of '{group.Label}' decides who is in it (make the exclusion group an assigned group)"
            : null;
}
