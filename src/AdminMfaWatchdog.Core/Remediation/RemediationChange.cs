using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation.Guardrails;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>
/// One write remediation makes, and how to tell from the directory that it stuck. Changes are
/// planned from a snapshot, written through <see cref="IDirectoryWriter"/> and checked through
/// <see cref="IDirectoryReadBack"/>.
/// </summary>
public abstract record RemediationChange
{
    /// <summary>The action kind the report and the audit trail show, e.g. <c>addGroupMember</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>What the action is about: the user whose membership changes, or the policy written.</summary>
    public abstract string TargetId { get; }

    /// <summary>What the change does, in words, e.g. "add svc-backup@contoso.com to 'CA-Exclude'".</summary>
    internal abstract string Describe(RemediationTenant tenant);

    /// <summary>The target's state before the change, as the scan read it (the action's Before).</summary>
    internal abstract string DescribeBefore(RemediationTenant tenant);

    /// <summary>
    /// A last check against the live tenant, for what the snapshot cannot know; null to go ahead.
    /// </summary>
    internal virtual Task<Refusal?> VetAsync(IDirectoryReadBack readBack, BreakGlassGuard guard, CancellationToken cancellationToken) =>
        Task.FromResult<Refusal?>(null);

    internal abstract Task WriteAsync(IDirectoryWriter writer, CancellationToken cancellationToken);

    internal abstract Task<ReadBack> ReadBackAsync(IDirectoryReadBack readBack, CancellationToken cancellationToken);
}

/// <summary>What the directory shows after a write: whether the change is there, and the state read (the action's After).</summary>
internal sealed record ReadBack(bool Stuck, string Observed);

/// <summary>Why a planned change is not written after all: <see cref="ActionStatus.Blocked"/> by a guardrail, or <see cref="ActionStatus.Failed"/>.</summary>
internal sealed record Refusal(ActionStatus Status, string Reason);

/// <summary>How states are written in Before/After, so that the two compare at a glance.</summary>
internal static class StateText
{
    public static string Membership(bool isDirectMember, string groupId) =>
        isDirectMember ? $"direct member of group {groupId}" : $"not a direct member of group {groupId}";

    public static string List(string property, IEnumerable<string> ids) => $"{property}: [{string.Join(", ", ids)}]";

    public static string State(PolicyState state) => state switch
    {
        PolicyState.Enabled => "state: enabled",
        PolicyState.Disabled => "state: disabled",
        _ => "state: enabledForReportingButNotEnforced",
    };

    public const string PolicyNotFound = "the policy does not exist";
}
