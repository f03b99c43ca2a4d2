using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>What one run did about alerts.</summary>
/// <param name="Queued">batches queued by this run (the scan's changes, the digest).</param>
/// <param name="DigestError">why the digest could not be made this run (the ledger could not be listed); null otherwise.</param>
public sealed record AlertRunResult(IReadOnlyList<AlertBatch> Queued, AlertDeliveryReport Delivery, string? DigestError);

/// <summary>
/// The alert step of a run: queue the scan's batch (changes only), queue the daily digest when due, then
/// deliver everything due in the outbox, including what earlier runs could not deliver. A run with
/// nothing new still delivers what waits.
/// </summary>
public sealed class AlertNotifier(IAlertOutbox outbox, AlertPolicy policy)
{
    /// <param name="ledger">where the digest reads what is open; null: no digest.</param>
    /// <exception cref="AlertOutboxException">The outbox cannot be reached: this run's alerts are not queued.</exception>
    public async Task<AlertRunResult> NotifyAsync(
        ScanReport report, IReadOnlyList<FindingTransition> transitions, IFindingStore? ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(transitions);
        var queued = new List<AlertBatch>();
        if (AlertBatchBuilder.FromScan(report, transitions, policy.MinimumSeverity) is { } changes
            && await outbox.EnqueueAsync(changes, cancellationToken).ConfigureAwait(false))
        {
            queued.Add(changes);
        }

        string? digestError = null;
        // Only a complete scan knows what is open; the ledger it just updated says so.
        if (policy.DailyDigest && ledger is not null && report.Complete && report.TenantId.Length > 0)
        {
            try
            {
                var open = await ledger.ListAsync(report.TenantId, FindingStatus.Open, cancellationToken).ConfigureAwait(false);
                if (AlertBatchBuilder.Digest(report.TenantId, report.ScanId, report.CompletedAt, open, policy.MinimumSeverity) is { } digest
                    && await outbox.EnqueueAsync(digest, cancellationToken).ConfigureAwait(false))
                {
                    queued.Add(digest);
                }
            }
            catch (FindingStoreException ex)
            {
                // The digest is a reminder; the next run makes it.
                digestError = ex.Message;
            }
        }

        var delivery = await outbox.DeliverPendingAsync(cancellationToken).ConfigureAwait(false);
        return new AlertRunResult(queued, delivery, digestError);
    }
}
