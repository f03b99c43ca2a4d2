using System.Runtime.CompilerServices;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>
/// The findings ledger on Azure Table Storage. One partition per tenant, so a tenant's rows are written
/// in entity group transactions of up to 100 (all-or-nothing each) with ETag conditions: new rows are
/// added (fails if another writer created the row), known rows replaced only if unchanged since read.
/// The tables are created, if missing, on first use of each store instance.
/// </summary>
public sealed partial class TableFindingStore : IFindingStore
{
    // The Table service allows 15 comparisons per filter: PartitionKey plus 14 RowKeys.
    private const int RowKeysPerFilter = 14;

    // Up to this many unknown fingerprints are looked up by key (at most 8 queries); more are found in one
    // pass over the partition's closed rows, 1,000 a page, which is cheaper unless the ledger is huge.
    private const int MaxKeyLookups = 8 * RowKeysPerFilter;

    private readonly TableServiceClient _service;
    private readonly TableFindingStoreOptions _options;
    private readonly TableClient _findings;
    private readonly TableClient _scans;
    private readonly TableClient _actions;
    private readonly TableClient _leases;
    private readonly SemaphoreSlim _tablesGate = new(1, 1);
    private volatile bool _tablesReady;

    public TableFindingStore(TableServiceClient service, TableFindingStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _options = options ?? new TableFindingStoreOptions();
        _findings = service.GetTableClient(_options.FindingsTableName);
        _scans = service.GetTableClient(_options.ScansTableName);
        _actions = service.GetTableClient(_options.ActionsTableName);
        _leases = service.GetTableClient(_options.LeasesTableName);
    }

    /// <summary>A store on the account of <paramref name="connectionString"/>, read from the setting <paramref name="settingName"/>.</summary>
    /// <exception cref="InvalidConnectionStringException">The connection string cannot be used; the message names the setting, never the key.</exception>
    public static TableFindingStore FromConnectionString(string? connectionString, string settingName, TableFindingStoreOptions? options = null)
    {
        var parsed = TableConnectionString.Parse(connectionString, settingName);
        return new TableFindingStore(new TableServiceClient(parsed.TableEndpoint, parsed.Credential, options?.ClientOptions), options);
    }

    public async Task<IReadOnlyList<LedgerEntry>> LoadKnownAsync(
        string tenantId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(fingerprints);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        return await LedgerFailure.GuardAsync($"read the findings ledger of tenant {tenantId}", async () =>
        {
            var known = await QueryAsync(
                TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status eq {FindingRow.StatusValue(FindingStatus.Open)}"),
                cancellationToken).ConfigureAwait(false);
            var open = known.Select(entry => entry.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var unknown = fingerprints.Where(fingerprint => !open.Contains(fingerprint)).ToHashSet(StringComparer.Ordinal);
            if (unknown.Count <= MaxKeyLookups)
            {
                known.AddRange(await ReadRowsAsync(tenantId, unknown, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                var closed = await QueryAsync(
                    TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status ne {FindingRow.StatusValue(FindingStatus.Open)}"),
                    cancellationToken).ConfigureAwait(false);
                known.AddRange(closed.Where(entry => unknown.Contains(entry.Fingerprint)));
            }

            return (IReadOnlyList<LedgerEntry>)known;
        }).ConfigureAwait(false);
    }

    public async Task<LedgerWriteResult> WriteAsync(string tenantId, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(changes);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        // Every row is built (and its keys checked) before the first request, so a bad entry writes nothing.
        var groups = changes.Select(entry => (Entry: entry, Action: ToAction(tenantId, entry))).Chunk(TableClient.MaxTransactionActions).ToList();
        var written = new List<LedgerEntry>(changes.Count);
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var group in groups)
            {
                try
                {
                    var responses = (await _findings.SubmitTransactionAsync(group.Select(row => row.Action), cancellationToken).ConfigureAwait(false)).Value;
                    written.AddRange(group.Zip(responses, (row, response) => row.Entry with { Version = response.Headers.ETag?.ToString() }));
                }
                catch (TableTransactionFailedException failure) when (LedgerFailure.IsWriteConflict(failure))
                {
                    // The whole group was refused; which rows are stale beyond the one named does not matter:
                    // all are re-read and reconciled again.
                    conflicted.UnionWith(group.Select(row => row.Entry.Fingerprint));
                }
            }

            var reread = conflicted.Count == 0 ? [] : await ReadRowsAsync(tenantId, conflicted, cancellationToken).ConfigureAwait(false);
            return new LedgerWriteResult(written, conflicted, reread);
        }
        catch (RequestFailedException failure)
        {
            // The groups written so far stand (each whole): say which, so their transitions are not lost.
            throw LedgerFailure.Wrap($"write the findings ledger of tenant {tenantId}", failure, written);
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string tenantId, FindingStatus? status, CancellationToken cancellationToken)
    {
        LedgerKeys.Require(tenantId, nameof(tenantId));
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var filter = status is { } only
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status eq {FindingRow.StatusValue(only)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        var entries = await LedgerFailure.GuardAsync($"list the findings ledger of tenant {tenantId}",
            () => QueryAsync(filter, cancellationToken)).ConfigureAwait(false);
        return entries.OrderByDescending(entry => entry.LastSeen).ThenBy(entry => entry.Fingerprint, StringComparer.Ordinal).ToList();
    }

    // A new entry must not exist yet (409 if another writer created it); a known one must be unchanged since read (412).
    private static TableTransactionAction ToAction(string tenantId, LedgerEntry entry) => entry.Version is null
        ? new TableTransactionAction(TableTransactionActionType.Add, FindingRow.ToEntity(tenantId, entry))
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, FindingRow.ToEntity(tenantId, entry), FindingRow.VersionOf(entry));

    private async Task<List<LedgerEntry>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var entity in _findings.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FindingRow.ToEntry(entity, _findings.Name));
        }

        return entries;
    }

    // The rows with these fingerprints, by key: one query per 14 fingerprints.
    private async Task<List<LedgerEntry>> ReadRowsAsync(string tenantId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>(fingerprints.Count);
        foreach (var chunk in fingerprints.Chunk(RowKeysPerFilter))
        {
            var rowKeys = string.Join(" or ", chunk.Select((_, index) => $"RowKey eq {{{index + 1}}}"));
            var filter = FormattableStringFactory.Create($"PartitionKey eq {{0}} and ({rowKeys})", [tenantId, .. chunk]);
            entries.AddRange(await QueryAsync(TableClient.CreateQueryFilter(filter), cancellationToken).ConfigureAwait(false));
        }

        return entries;
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesReady)
        {
            return;
        }

        await _tablesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_tablesReady)
            {
                await LedgerFailure.GuardAsync($"create the ledger tables at {_service.Uri}", async () =>
                {
                    foreach (var table in new[] { _findings, _scans, _actions, _leases })
                    {
                        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
                _tablesReady = true;
            }
        }
        finally
        {
            _tablesGate.Release();
        }
    }
}
