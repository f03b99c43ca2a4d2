using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>
/// A real store with a hook between loading and writing, where a test can let another writer in: change a
/// row behind the store's back, or wait until a concurrent update has loaded too.
/// </summary>
internal sealed class InterceptingFindingStore(IFindingStore inner, Func<Task> afterLoad) : IFindingStore
{
    public async Task<IReadOnlyList<LedgerEntry>> LoadKnownAsync(string tenantId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        var known = await inner.LoadKnownAsync(tenantId, fingerprints, cancellationToken);
        await afterLoad();
        return known;
    }

    public Task<LedgerWriteResult> WriteAsync(string tenantId, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken) =>
        inner.WriteAsync(tenantId, changes, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(string tenantId, FindingStatus? status, CancellationToken cancellationToken) =>
        inner.ListAsync(tenantId, status, cancellationToken);

    public Task RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken) => inner.RecordScanAsync(scan, cancellationToken);

    public Task<IReadOnlyList<ScanRecord>> ListScansAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.ListScansAsync(tenantId, since, cancellationToken);

    public Task RecordActionsAsync(string tenantId, string scanId, IReadOnlyList<RemediationAction> actions, CancellationToken cancellationToken) =>
        inner.RecordActionsAsync(tenantId, scanId, actions, cancellationToken);

    public Task<IScanLease?> TryAcquireScanLeaseAsync(string tenantId, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        inner.TryAcquireScanLeaseAsync(tenantId, owner, duration, cancellationToken);
}
