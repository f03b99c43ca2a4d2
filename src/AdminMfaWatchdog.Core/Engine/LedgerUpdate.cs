using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>
/// Folds one scan into the tenant's ledger: load what the ledger knows, reconcile, write. Writes are
/// optimistic: when another writer changed some rows first, those rows come back re-read and are
/// reconciled again from what is now stored, so a concurrent update is neither lost nor duplicated.
/// Gives up after <c>maxAttempts</c> writes, because endless conflicts mean a runaway concurrent writer.
/// </summary>
public sealed class LedgerUpdate
{
    public const int DefaultMaxAttempts = 5;

    private readonly IFindingStore _store;
    private readonly int _maxAttempts;

    public LedgerUpdate(IFindingStore store, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _store = store;
        _maxAttempts = maxAttempts;
    }

    /// <summary>
    /// Reconciles <paramref name="report"/> (seen at its <see cref="ScanReport.CompletedAt"/>) with the ledger and
    /// returns the transitions written, the events alerts are made of.
    /// </summary>
    /// <param name="remediatedFingerprints">findings that an action of this run fixed (read back).</param>
    /// <exception cref="LedgerUpdateException">The store failed, or conflicts did not stop; the scan could not complete.</exception>
    public async Task<LedgerUpdateResult> ApplyAsync(
        ScanReport report, IReadOnlySet<string> remediatedFingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(remediatedFingerprints);

        // An incomplete scan that found nothing can change nothing: it resolves nothing, so the ledger need not be read.
        if (!report.Complete && report.Findings.Count == 0)
        {
            return new LedgerUpdateResult([], 0, 0);
        }

        var applied = new List<FindingTransition>();
        var written = 0;
        var pending = new Reconciliation([], []);
        try
        {
            var fingerprints = report.Findings.Select(finding => finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var known = await _store.LoadKnownAsync(report.TenantId, fingerprints, cancellationToken).ConfigureAwait(false);
            pending = Reconcile(report, known, report.Findings, remediatedFingerprints);

            var attempt = 0;
            while (pending.Changes.Count > 0)
            {
                attempt++;
                var result = await _store.WriteAsync(report.TenantId, pending.Changes, cancellationToken).ConfigureAwait(false);
                written += result.Written.Count;
                applied.AddRange(pending.Transitions.Where(transition => !result.Conflicted.Contains(transition.Entry.Fingerprint)));
                if (result.Conflicted.Count == 0)
                {
                    return new LedgerUpdateResult(applied, written, attempt);
                }

                if (attempt == _maxAttempts)
                {
                    throw new LedgerUpdateException(
                        $"The findings ledger of tenant {report.TenantId} kept changing under this scan: {result.Conflicted.Count} "
                        + $"row(s) still conflicted after {attempt} attempts. Another writer is busy with the tenant; scans should hold its scan lease.",
                        applied);
                }

                // Rows carrying this scan's id were written by this very update: a request the pipeline retried
                // after its first attempt had landed. Counting them again would double their occurrences.
                var ours = result.Reread.Where(entry => entry.LastScanId == report.ScanId).Select(entry => entry.Fingerprint).ToHashSet(StringComparer.Ordinal);
                written += ours.Count;
                applied.AddRange(pending.Transitions.Where(transition => ours.Contains(transition.Entry.Fingerprint)));

                var retry = result.Conflicted.Except(ours).ToHashSet(StringComparer.Ordinal);
                pending = Reconcile(
                    report,
                    result.Reread.Where(entry => retry.Contains(entry.Fingerprint)).ToList(),
                    report.Findings.Where(finding => retry.Contains(finding.Fingerprint)).ToList(),
                    remediatedFingerprints);
            }

            return new LedgerUpdateResult(applied, written, attempt);
        }
        catch (FindingStoreException storeFailure)
        {
            var landed = storeFailure.Written.Select(entry => entry.Fingerprint).ToHashSet(StringComparer.Ordinal);
            applied.AddRange(pending.Transitions.Where(transition => landed.Contains(transition.Entry.Fingerprint)));
            throw new LedgerUpdateException(
                $"The findings ledger of tenant {report.TenantId} could not be updated: {storeFailure.Message} "
                + $"{written + landed.Count} row(s) had been written, each whole; the next complete scan reconciles from them.",
                applied, storeFailure);
        }
    }

    private static Reconciliation Reconcile(
        ScanReport report, IReadOnlyCollection<LedgerEntry> known, IReadOnlyList<Finding> findings, IReadOnlySet<string> remediated) =>
        LedgerReconciliation.Reconcile(known, findings, report.Complete, report.ScanId, report.CompletedAt, remediated);
}

/// <param name="Transitions">the status changes written: what to alert on.</param>
/// <param name="RowsWritten">ledger rows written, transitions or not.</param>
/// <param name="Attempts">writes it took (0: nothing to write); more than 1 means another writer interfered.</param>
public sealed record LedgerUpdateResult(IReadOnlyList<FindingTransition> Transitions, int RowsWritten, int Attempts);

/// <summary>
/// The ledger update did not finish: the scan could not complete. Rows are written in all-or-nothing groups,
/// each row a true statement about a complete read, so the next scan reconciles from what is stored.
/// <see cref="AppliedTransitions"/> were written before the failure: alert them, or they are never alerted.
/// </summary>
public sealed class LedgerUpdateException(string message, IReadOnlyList<FindingTransition> appliedTransitions, Exception? innerException = null)
    : Exception(message, innerException)
{
    public IReadOnlyList<FindingTransition> AppliedTransitions { get; } = appliedTransitions;
}
