using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>
/// A tenant's scan lease: the WatchdogLeases row (PartitionKey tenant id, RowKey "scan"; Owner, LeaseId,
/// AcquiredAt, ExpiresAt). Taken by adding the row, or by replacing an expired one on its ETag; renewed
/// and released on the ETag this holder wrote, so a holder that lost the lease can never undo the next one's.
/// Expiry is judged by the acquirer's clock: hosts must keep their clocks roughly in sync (well under a lease).
/// </summary>
internal sealed class TableScanLease : IScanLease
{
    private const string RowKey = "scan";

    // Each round ends with the lease, with a live holder, or having seen the row change hands in between;
    // a row changing hands round after round means busy contenders, and losing to them is the right answer.
    private const int MaxRounds = 3;

    private readonly TableClient _table;
    private readonly TimeProvider _clock;
    private readonly string _leaseId;
    private readonly DateTimeOffset _acquiredAt;
    private ETag _etag;
    private bool _released;

    private TableScanLease(
        TableClient table, TimeProvider clock, string tenantId, string owner, string leaseId, DateTimeOffset acquiredAt, DateTimeOffset expiresAt, ETag etag)
    {
        _acquiredAt = acquiredAt;
        _table = table;
        _clock = clock;
        TenantId = tenantId;
        Owner = owner;
        _leaseId = leaseId;
        ExpiresAt = expiresAt;
        _etag = etag;
    }

    public string TenantId { get; }

    public string Owner { get; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static async Task<TableScanLease?> TryAcquireAsync(
        TableClient table, TimeProvider clock, string tenantId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var leaseId = Guid.NewGuid().ToString("N");
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = clock.GetUtcNow();
            var row = Row(tenantId, owner, leaseId, now, now + duration);
            try
            {
                var added = await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                return new TableScanLease(table, clock, tenantId, owner, leaseId, now, now + duration, VersionOf(added));
            }
            catch (RequestFailedException taken) when (taken.Status == 409)
            {
                // Someone holds or held it: look at the row.
            }

            var current = await table.GetEntityIfExistsAsync(tenantId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current is not { HasValue: true, Value: { } held })
            {
                continue; // released in between
            }

            if (held.GetString("LeaseId") == leaseId)
            {
                // This very attempt's write landed, but its response was lost and the retried request refused.
                return new TableScanLease(table, clock, tenantId, owner, leaseId,
                    held.GetDateTimeOffset("AcquiredAt") ?? now, held.GetDateTimeOffset("ExpiresAt") ?? now + duration, held.ETag);
            }

            if (held.GetDateTimeOffset("ExpiresAt") is { } expiresAt && expiresAt > now)
            {
                return null;
            }

            try
            {
                var replaced = await table.UpdateEntityAsync(row, held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new TableScanLease(table, clock, tenantId, owner, leaseId, now, now + duration, VersionOf(replaced));
            }
            catch (RequestFailedException changed) when (changed.Status is 404 or 412)
            {
                // Another acquirer took or released the expired lease first: look again.
            }
        }

        return null;
    }

    public async Task<bool> TryRenewAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_released, this);
        var now = _clock.GetUtcNow();
        try
        {
            var renewed = await LedgerFailure.GuardAsync($"renew the scan lease of tenant {TenantId}", () =>
                _table.UpdateEntityAsync(Row(TenantId, Owner, _leaseId, _acquiredAt, now + duration), _etag, TableUpdateMode.Replace, cancellationToken))
                .ConfigureAwait(false);
            _etag = VersionOf(renewed);
            ExpiresAt = now + duration;
            return true;
        }
        catch (FindingStoreException lost) when (lost.InnerException is RequestFailedException { Status: 404 or 412 })
        {
            return false;
        }
    }

    /// <summary>Releases the lease if this holder still has it. Never throws: a lease that cannot be deleted expires.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        try
        {
            // A 404 comes back as a response; a 412 means the lease expired and another holder has it now.
            await _table.DeleteEntityAsync(TenantId, RowKey, _etag).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Unreachable or taken over: either way the row is not ours to delete, or it expires on its own.
        }
    }

    // Release and renewal are conditional on this version; without it they could only be unconditional.
    private static ETag VersionOf(Response written) =>
        written.Headers.ETag ?? throw new InvalidOperationException("The table service wrote the lease row without returning its ETag.");

    private static TableEntity Row(string tenantId, string owner, string leaseId, DateTimeOffset acquiredAt, DateTimeOffset expiresAt) =>
        new(tenantId, RowKey)
        {
            ["Owner"] = owner,
            ["LeaseId"] = leaseId,
            ["AcquiredAt"] = acquiredAt,
            ["ExpiresAt"] = expiresAt,
        };
}
