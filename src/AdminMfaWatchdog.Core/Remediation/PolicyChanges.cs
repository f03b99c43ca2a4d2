using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation.Guardrails;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>A change to one Conditional Access policy, read back from the policy list.</summary>
public abstract record PolicyChange(string PolicyId) : RemediationChange
{
    public override string TargetId => PolicyId;

    internal override async Task<ReadBack> ReadBackAsync(IDirectoryReadBack readBack, CancellationToken cancellationToken)
    {
        var policy = await readBack.ReadPolicyAsync(PolicyId, cancellationToken).ConfigureAwait(false);
        return policy is null ? new ReadBack(false, StateText.PolicyNotFound) : Check(policy);
    }

    private protected abstract ReadBack Check(ConditionalAccessPolicy policy);
}

/// <summary>A PATCH of one property of an existing policy; the request carries only that property.</summary>
public abstract record PolicyEdit(string PolicyId) : PolicyChange(PolicyId)
{
    /// <summary>The policy as this edit leaves it (what the break-glass guard judges).</summary>
    internal abstract ConditionalAccessPolicy ApplyTo(ConditionalAccessPolicy policy);
}

/// <summary>policy-not-enabled: <c>{"state":"enabled"}</c>.</summary>
public sealed record EnablePolicy(string PolicyId) : PolicyEdit(PolicyId)
{
    public override string Kind => "enablePolicy";

    internal override ConditionalAccessPolicy ApplyTo(ConditionalAccessPolicy policy) => policy with { State = PolicyState.Enabled };

    internal override string Describe(RemediationTenant tenant) => $"set the state of {tenant.PolicyLabel(PolicyId)} to enabled";

    internal override string DescribeBefore(RemediationTenant tenant) =>
        tenant.FindPolicy(PolicyId) is { } policy ? StateText.State(policy.State) : StateText.PolicyNotFound;

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.SetPolicyStateAsync(PolicyId, PolicyState.Enabled, cancellationToken);

    private protected override ReadBack Check(ConditionalAccessPolicy policy) =>
        new(policy.State == PolicyState.Enabled, StateText.State(policy.State));
}

/// <summary>exclusion-group-not-excluded: <paramref name="ExcludeGroups"/> is the whole new array (the stored one plus the group).</summary>
public sealed record AddExcludedGroup(string PolicyId, string GroupId, IReadOnlyList<string> ExcludeGroups) : PolicyEdit(PolicyId)
{
    public override string Kind => "addExcludedGroup";

    internal override ConditionalAccessPolicy ApplyTo(ConditionalAccessPolicy policy) =>
        policy with { Users = policy.Users with { ExcludeGroups = ExcludeGroups } };

    internal override string Describe(RemediationTenant tenant) =>
        $"add {tenant.Directory.GroupLabel(GroupId)} to excludeGroups of {tenant.PolicyLabel(PolicyId)}";

    internal override string DescribeBefore(RemediationTenant tenant) =>
        StateText.List("excludeGroups", tenant.FindPolicy(PolicyId)?.Users.ExcludeGroups ?? []);

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.SetPolicyExcludeGroupsAsync(PolicyId, ExcludeGroups, cancellationToken);

    private protected override ReadBack Check(ConditionalAccessPolicy policy) =>
        new(policy.Users.ExcludeGroups.Contains(GroupId, StringComparer.OrdinalIgnoreCase), StateText.List("excludeGroups", policy.Users.ExcludeGroups));
}

/// <summary>admin-not-covered: <paramref name="IncludeRoles"/> is the whole new array (the stored one plus <paramref name="AddedRoles"/>).</summary>
public sealed record AddIncludedRoles(string PolicyId, IReadOnlyList<string> AddedRoles, IReadOnlyList<string> IncludeRoles) : PolicyEdit(PolicyId)
{
    public override string Kind => "addIncludedRoles";

    internal override ConditionalAccessPolicy ApplyTo(ConditionalAccessPolicy policy) =>
        policy with { Users = policy.Users with { IncludeRoles = IncludeRoles } };

    internal override string Describe(RemediationTenant tenant) =>
        $"add {string.Join(", ", AddedRoles.Select(tenant.RoleLabel))} to includeRoles of {tenant.PolicyLabel(PolicyId)}";

    internal override string DescribeBefore(RemediationTenant tenant) =>
        StateText.List("includeRoles", tenant.FindPolicy(PolicyId)?.Users.IncludeRoles ?? []);

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.SetPolicyIncludeRolesAsync(PolicyId, IncludeRoles, cancellationToken);

    private protected override ReadBack Check(ConditionalAccessPolicy policy) =>
        new(AddedRoles.All(r => policy.Users.IncludeRoles.Contains(r, StringComparer.OrdinalIgnoreCase)), StateText.List("includeRoles", policy.Users.IncludeRoles));
}

/// <summary>
/// policy-missing: restore from deleted items. The deleted policy is not part of the scan, so the
/// break-glass guard judges it just before the write, as deleted items hold it.
/// </summary>
public sealed record RestorePolicy(string PolicyId) : PolicyChange(PolicyId)
{
    public override string Kind => "restorePolicy";

    internal override string Describe(RemediationTenant tenant) => $"restore policy {PolicyId} from deleted items";

    internal override string DescribeBefore(RemediationTenant tenant) => StateText.PolicyNotFound;

    internal override async Task<Refusal?> VetAsync(IDirectoryReadBack readBack, BreakGlassGuard guard, CancellationToken cancellationToken)
    {
        var deleted = await readBack.ReadDeletedPolicyAsync(PolicyId, cancellationToken).ConfigureAwait(false);
        if (deleted is null)
            return new Refusal(ActionStatus.Failed, "not in deleted items (deleted over 30 days ago, purged, or never a policy)");
        return guard.Check(before: null, after: deleted) is { } reason ? new Refusal(ActionStatus.Blocked, reason) : null;
    }

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.RestoreDeletedPolicyAsync(PolicyId, cancellationToken);

    private protected override ReadBack Check(ConditionalAccessPolicy policy) => new(true, $"restored: {policy.Label}, {StateText.State(policy.State)}");
}
