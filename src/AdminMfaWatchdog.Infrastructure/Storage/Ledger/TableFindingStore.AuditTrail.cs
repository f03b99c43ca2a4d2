using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

// Scan and action rows, and the scan lease: written as facts, replaced when recorded again.
public sealed partial class TableFindingStore
{
    public async Task RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var entity = ScanRow.ToEntity(scan);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        await LedgerFailure.GuardAsync($"record scan {scan.ScanId} of tenant {scan.TenantId}",
            () => _scans.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScanRecord>> ListScansAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and StartedAt ge {since}");
        var scans = await LedgerFailure.GuardAsync($"list the scans of tenant {tenantId}", async () =>
        {
            var rows = new List<ScanRecord>();
            await foreach (var entity in _scans.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ScanRow.ToRecord(entity, _scans.Name));
            }

            return rows;
        }).ConfigureAwait(false);
        return scans.OrderByDescending(scan => scan.StartedAt).ThenBy(scan => scan.ScanId, StringComparer.Ordinal).ToList();
    }

    public async Task RecordActionsAsync(
        string tenantId, string scanId, IReadOnlyList<RemediationAction> actions, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        LedgerKeys.Require(scanId, nameof(scanId));
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return;
        }

        var rows = actions.Select((action, sequence) =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ActionRow.ToEntity(tenantId, scanId, sequence, action)));
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        await LedgerFailure.GuardAsync($"record the actions of scan {scanId} of tenant {tenantId}", async () =>
        {
            foreach (var group in rows.Chunk(TableClient.MaxTransactionActions))
            {
                await _actions.SubmitTransactionAsync(group, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public async Task<IScanLease?> TryAcquireScanLeaseAsync(
        string tenantId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        return await LedgerFailure.GuardAsync($"take the scan lease of tenant {tenantId}",
            () => TableScanLease.TryAcquireAsync(_leases, _options.TimeProvider, tenantId, owner, duration, cancellationToken)).ConfigureAwait(false);
    }
}
