using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Tests.Remediation;

/// <summary>
/// A tenant in memory that remediation writes to and reads back from. It can refuse writes, accept
/// writes that do not stick, and show writes only after a few reads (the directory's replication lag).
/// </summary>
internal sealed class InMemoryDirectory(TenantSnapshot snapshot) : IDirectoryWriter, IDirectoryReadBack
{
    private TenantSnapshot _visible = snapshot;
    private int _lag;

    /// <summary>The tenant as written (what a later scan reads).</summary>
    public TenantSnapshot Snapshot { get; private set; } = snapshot;

    public List<ConditionalAccessPolicy> DeletedPolicies { get; } = [];

    /// <summary>Every write, as "operation target".</summary>
    public List<string> Writes { get; } = [];

    public List<OutgoingMail> SentMail { get; } = [];

    /// <summary>Set to refuse every write with this exception.</summary>
    public DirectoryWriteException? Refusal { get; set; }

    /// <summary>False: writes are accepted and silently dropped.</summary>
    public bool WritesStick { get; set; } = true;

    /// <summary>Read-backs after a write that still show the old state.</summary>
    public int LaggingReads { get; set; }

    public int ReadBacks { get; private set; }

    public Task AddGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        Write($"addMember {groupId} {memberId}", s => s with
        {
            Groups = s.Groups.Select(g => Same(g.Id, groupId) && !g.Members.Any(m => Same(m.Id, memberId))
                ? g with { Members = [.. g.Members, new GroupMember(memberId, PrincipalKind.User)] } : g).ToArray(),
        });

    public Task RemoveGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        Write($"removeMember {groupId} {memberId}", s => s with
        {
            Groups = s.Groups.Select(g => Same(g.Id, groupId) ? g with { Members = g.Members.Where(m => !Same(m.Id, memberId)).ToArray() } : g).ToArray(),
        });

    public Task SetPolicyStateAsync(string policyId, PolicyState state, CancellationToken cancellationToken) =>
        EditPolicy($"state {policyId}", policyId, p => p with { State = state });

    public Task SetPolicyExcludeGroupsAsync(string policyId, IReadOnlyList<string> excludeGroups, CancellationToken cancellationToken) =>
        EditPolicy($"excludeGroups {policyId}", policyId, p => p with { Users = p.Users with { ExcludeGroups = excludeGroups } });

    public Task SetPolicyIncludeRolesAsync(string policyId, IReadOnlyList<string> includeRoles, CancellationToken cancellationToken) =>
        EditPolicy($"includeRoles {policyId}", policyId, p => p with { Users = p.Users with { IncludeRoles = includeRoles } });

    public Task RestoreDeletedPolicyAsync(string policyId, CancellationToken cancellationToken)
    {
        var deleted = DeletedPolicies.FirstOrDefault(p => Same(p.Id, policyId)) ?? throw new DirectoryWriteException($"policy {policyId} is not in deleted items", 404);
        return Write($"restore {policyId}", s =>
        {
            DeletedPolicies.Remove(deleted);
            return s with { ConditionalAccessPolicies = [.. s.ConditionalAccessPolicies, deleted] };
        });
    }

    public Task SendMailAsync(string sender, OutgoingMail message, CancellationToken cancellationToken)
    {
        SentMail.Add(message);
        return Task.CompletedTask;
    }

    public Task<bool> IsDirectMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(Read().Groups.Any(g => Same(g.Id, groupId) && g.Members.Any(m => Same(m.Id, memberId))));

    public Task<ConditionalAccessPolicy?> ReadPolicyAsync(string policyId, CancellationToken cancellationToken) =>
        Task.FromResult(Read().ConditionalAccessPolicies.FirstOrDefault(p => Same(p.Id, policyId)));

    public Task<ConditionalAccessPolicy?> ReadDeletedPolicyAsync(string policyId, CancellationToken cancellationToken) =>
        Task.FromResult(DeletedPolicies.FirstOrDefault(p => Same(p.Id, policyId)));

    private Task EditPolicy(string operation, string policyId, Func<ConditionalAccessPolicy, ConditionalAccessPolicy> edit) =>
        Write(operation, s => s with
        {
            ConditionalAccessPolicies = s.ConditionalAccessPolicies.Select(p => Same(p.Id, policyId) ? edit(p) : p).ToArray(),
        });

    private Task Write(string operation, Func<TenantSnapshot, TenantSnapshot> change)
    {
        if (Refusal is not null) throw Refusal;
        Writes.Add(operation);
        if (!WritesStick) return Task.CompletedTask;
        Snapshot = change(Snapshot);
        _lag = LaggingReads;
        if (_lag == 0) _visible = Snapshot;
        return Task.CompletedTask;
    }

    private TenantSnapshot Read()
    {
        ReadBacks++;
        if (_lag > 0)
        {
            _lag--;
            return _visible;
        }
        return _visible = Snapshot;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
