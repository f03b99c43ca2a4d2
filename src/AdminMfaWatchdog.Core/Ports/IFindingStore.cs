using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Ports;

/// <summary>
/// The findings ledger: what the watchdog remembers of each tenant across scans, plus the audit trail of
/// scans and remediation actions. One tenant's rows change together; writes are optimistic (each entry
/// carries the <see cref="LedgerEntry.Version"/> it was read with), so two writers never silently
/// overwrite each other. <see cref="LedgerUpdate"/> drives the read -> reconcile -> write loop.
/// </summary>
/// <remarks>Every member throws <see cref="FindingStoreException"/> when the store cannot be read or written.</remarks>
public interface IFindingStore
{
    /// <summary>
    /// What reconciliation needs: every open entry of the tenant, plus the entries (any status) whose
    /// fingerprints are given. Each entry carries its <see cref="LedgerEntry.Version"/>.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> LoadKnownAsync(
        string tenantId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="changes"/>: an entry without a version must not exist yet; an entry with one
    /// is written only if the stored row still has that version. Writes that lost the race are not applied:
    /// they come back as <see cref="LedgerWriteResult.Conflicted"/>, with what the ledger holds now.
    /// </summary>
    Task<LedgerWriteResult> WriteAsync(string tenantId, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken);

    /// <summary>The tenant's entries, optionally only those of one status, most recently seen first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(string tenantId, FindingStatus? status, CancellationToken cancellationToken);

    /// <summary>Records one scan run; recording the same scan again replaces its row.</summary>
    Task RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken);

    /// <summary>The tenant's scans that started at or after <paramref name="since"/>, the most recent first.</summary>
    Task<IReadOnlyList<ScanRecord>> ListScansAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records a scan's remediation actions in order; recording them again replaces their rows.</summary>
    Task RecordActionsAsync(
        string tenantId, string scanId, IReadOnlyList<RemediationAction> actions, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the tenant's scan lease for <paramref name="duration"/>, or returns null when another holder
    /// has it and it has not expired. Dispose the lease to release it.
    /// </summary>
    Task<IScanLease?> TryAcquireScanLeaseAsync(
        string tenantId, string owner, TimeSpan duration, CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of <see cref="IFindingStore.WriteAsync"/>. <paramref name="Written"/>: the entries applied,
/// with their new versions. <paramref name="Conflicted"/>: fingerprints whose writes were not applied because
/// another writer changed (or created) the row first. <paramref name="Reread"/>: what the ledger holds now for
/// those fingerprints; a conflicted fingerprint missing from it has no row.
/// </summary>
public sealed record LedgerWriteResult(
    IReadOnlyList<LedgerEntry> Written,
    IReadOnlySet<string> Conflicted,
    IReadOnlyList<LedgerEntry> Reread);

/// <summary>A tenant's exclusive right to scan (and write its ledger) until <see cref="ExpiresAt"/>.</summary>
public interface IScanLease : IAsyncDisposable
{
    string TenantId { get; }

    string Owner { get; }

    DateTimeOffset ExpiresAt { get; }

    /// <summary>Extends the lease to <paramref name="duration"/> from now; false when it was lost (expired and taken).</summary>
    Task<bool> TryRenewAsync(TimeSpan duration, CancellationToken cancellationToken);
}

/// <summary>What triggered a scan, as recorded in the scan row.</summary>
public static class ScanTriggers
{
    public const string Cli = "cli";
    public const string Timer = "timer";
    public const string Http = "http";
    /// <summary>A Graph change notification (users, group members).</summary>
    public const string Notification = "notification";

    /// <summary>A change Graph cannot notify, found in the directory audit log (policies, roles, named locations).</summary>
    public const string Audit = "audit";

    /// <summary>A Graph lifecycle notification about one of the watchdog's subscriptions.</summary>
    public const string Lifecycle = "lifecycle";
}

/// <summary>One scan run, as the audit trail keeps it.</summary>
public sealed record ScanRecord(
    string TenantId,
    string ScanId,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    bool Complete,
    string? Error,
    IReadOnlyDictionary<Coverage, int> AdminsByCoverage,
    IReadOnlyDictionary<Severity, int> FindingsBySeverity,
    int Opened,
    int Reopened,
    int Resolved,
    int Remediated)
{
    /// <summary>The record of <paramref name="report"/>, counting the ledger transitions it caused.</summary>
    public static ScanRecord From(ScanReport report, string trigger, IReadOnlyCollection<FindingTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(transitions);
        int Count(TransitionKind kind) => transitions.Count(transition => transition.Kind == kind);
        return new ScanRecord(
            report.TenantId, report.ScanId, trigger, report.StartedAt, report.CompletedAt, report.Complete, report.Error,
            Enum.GetValues<Coverage>().ToDictionary(coverage => coverage, coverage => report.Admins.Count(admin => admin.Coverage == coverage)),
            Enum.GetValues<Severity>().ToDictionary(severity => severity, severity => report.Findings.Count(finding => finding.Severity == severity)),
            Count(TransitionKind.Opened), Count(TransitionKind.Reopened), Count(TransitionKind.Resolved), Count(TransitionKind.Remediated));
    }
}

/// <summary>
/// The ledger could not be read or written (unreachable, refused, or holding rows it cannot read).
/// A scan that meets it could not complete; what was written before is consistent row by row.
/// </summary>
public sealed class FindingStoreException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Entries <see cref="IFindingStore.WriteAsync"/> had written (in whole groups) before it failed.</summary>
    public IReadOnlyList<LedgerEntry> Written { get; init; } = [];
}
