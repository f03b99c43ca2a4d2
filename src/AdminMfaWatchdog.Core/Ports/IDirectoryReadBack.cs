using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Ports;

/// <summary>
/// The narrow reads that tell whether a remediation write stuck, straight from the directory
/// (never from a snapshot taken before the write).
/// </summary>
/// <remarks>Every member throws <see cref="DirectoryReadException"/> when the read does not complete.</remarks>
public interface IDirectoryReadBack
{
    /// <summary>Whether <paramref name="memberId"/> is a DIRECT member of the group (the only kind a write adds or removes).</summary>
    Task<bool> IsDirectMemberAsync(string groupId, string memberId, CancellationToken cancellationToken);

    /// <summary>The policy as the policy list holds it now; null when it does not exist.</summary>
    Task<ConditionalAccessPolicy?> ReadPolicyAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>The policy as deleted items hold it (restorable); null when it is not there.</summary>
    Task<ConditionalAccessPolicy?> ReadDeletedPolicyAsync(string policyId, CancellationToken cancellationToken);
}
