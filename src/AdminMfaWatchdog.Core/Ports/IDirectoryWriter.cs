using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Ports;

/// <summary>
/// The writes remediation and alerting make to a tenant. Each call is one write; a call that returns
/// normally was accepted by the directory (read it back to know it stuck).
/// </summary>
/// <remarks>Every member throws <see cref="DirectoryWriteException"/> when the write is refused or cannot be sent.</remarks>
public interface IDirectoryWriter
{
    /// <summary>Adds a direct member. A member that is already there counts as success.</summary>
    Task AddGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken);

    /// <summary>Removes a direct member (nested memberships cannot be removed from the outer group).</summary>
    Task RemoveGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken);

    Task SetPolicyStateAsync(string policyId, PolicyState state, CancellationToken cancellationToken);

    /// <summary>Writes the whole <c>excludeGroups</c> array: a collection in a PATCH replaces the stored one.</summary>
    Task SetPolicyExcludeGroupsAsync(string policyId, IReadOnlyList<string> excludeGroups, CancellationToken cancellationToken);

    /// <summary>Writes the whole <c>includeRoles</c> array: a collection in a PATCH replaces the stored one.</summary>
    Task SetPolicyIncludeRolesAsync(string policyId, IReadOnlyList<string> includeRoles, CancellationToken cancellationToken);

    /// <summary>Restores a soft-deleted Conditional Access policy from deleted items.</summary>
    Task RestoreDeletedPolicyAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>Sends a message from the <paramref name="sender"/> mailbox (id or UPN); not saved to Sent Items.</summary>
    Task SendMailAsync(string sender, OutgoingMail message, CancellationToken cancellationToken);
}

/// <summary>An HTML message to a list of addresses.</summary>
public sealed record OutgoingMail(string Subject, string HtmlBody, IReadOnlyList<string> Recipients);

/// <summary>
/// A write the directory refused or that could not be sent. <see cref="Status"/> is the HTTP status when
/// the directory answered (403: not allowed, e.g. a dynamic group or a missing permission).
/// </summary>
public sealed class DirectoryWriteException(string message, int? status = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int? Status { get; } = status;
}
