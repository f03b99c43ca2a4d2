using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>A change to the DIRECT members of a group: the only kind Graph writes.</summary>
public abstract record GroupMemberChange(string GroupId, string UserId) : RemediationChange
{
    public override string TargetId => UserId;

    internal override async Task<ReadBack> ReadBackAsync(IDirectoryReadBack readBack, CancellationToken cancellationToken)
    {
        var isMember = await readBack.IsDirectMemberAsync(GroupId, UserId, cancellationToken).ConfigureAwait(false);
        return new ReadBack(isMember == ShouldBeMember, StateText.Membership(isMember, GroupId));
    }

    private protected abstract bool ShouldBeMember { get; }
}

/// <summary>service-account-not-excluded: put the service account in the exclusion group.</summary>
public sealed record AddGroupMember(string GroupId, string UserId) : GroupMemberChange(GroupId, UserId)
{
    public override string Kind => "addGroupMember";

    private protected override bool ShouldBeMember => true;

    internal override string Describe(RemediationTenant tenant) =>
        $"add {tenant.UserLabel(UserId)} to {tenant.Directory.GroupLabel(GroupId)}";

    internal override string DescribeBefore(RemediationTenant tenant) => StateText.Membership(false, GroupId);

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.AddGroupMemberAsync(GroupId, UserId, cancellationToken);
}

/// <summary>unexpected-exclusion: take a direct member out of the exclusion group.</summary>
public sealed record RemoveGroupMember(string GroupId, string UserId) : GroupMemberChange(GroupId, UserId)
{
    public override string Kind => "removeGroupMember";

    private protected override bool ShouldBeMember => false;

    internal override string Describe(RemediationTenant tenant) =>
        $"remove {tenant.UserLabel(UserId)} from {tenant.Directory.GroupLabel(GroupId)}";

    internal override string DescribeBefore(RemediationTenant tenant) =>
        StateText.Membership(NestedMembership.IsDirectMember(tenant.Directory, GroupId, UserId), GroupId);

    internal override Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken) =>
        writer.RemoveGroupMemberAsync(GroupId, UserId, cancellationToken);
}
