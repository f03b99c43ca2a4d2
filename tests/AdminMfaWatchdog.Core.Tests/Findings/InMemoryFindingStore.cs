using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Tests.Findings;

/// <summary>
/// The port's contract in memory, for Core unit tests: versioned rows, writes refused on a stale or
/// missing version, and hooks where a test lets another writer in or makes the store fail.
/// </summary>
internal sealed class InMemoryFindingStore : IFindingStore
{
    private readonly Dictionary<string, LedgerEntry> _rows = new(StringComparer.Ordinal);
    private int _nextVersion;

    /// <summary>Runs before each write is checked: another writer's turn.</summary>
    public Action<InMemoryFindingStore>? BeforeWrite { get; set; }

    /// <summary>Fails a write after applying this many of its entries, as storage lost mid-way would.</summary>
    public int? FailAfterEntries { get; set; }

    /// <summary>Applies the next write but reports it refused: a retried request whose first attempt had landed.</summary>
    public bool LoseNextWriteResponse { get; set; }

    public int Loads { get; private set; }

    public int Writes { get; private set; }

    public IReadOnlyCollection<LedgerEntry> Rows => _rows.Values;

    public LedgerEntry this[string fingerprint] => _rows[fingerprint];

    /// <summary>Another writer stores <paramref name="entry"/> (replacing any row), giving it a new version.</summary>
    public void Put(LedgerEntry entry) => _rows[entry.Fingerprint] = entry with { Version = $"v{++_nextVersion}" };

    public Task<IReadOnlyList<LedgerEntry>> LoadKnownAsync(string tenantId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        Loads++;
        IReadOnlyList<LedgerEntry> known = _rows.Values.Where(row => row.Status == FindingStatus.Open || fingerprints.Contains(row.Fingerprint)).ToList();
        return Task.FromResult(known);
    }

    public Task<LedgerWriteResult> WriteAsync(string tenantId, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken)
    {
        Writes++;
        BeforeWrite?.Invoke(this);
        var written = new List<LedgerEntry>();
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (written.Count == FailAfterEntries)
            {
                throw new FindingStoreException("Could not write the findings ledger: the table service could not be reached.") { Written = written };
            }

            var stored = _rows.GetValueOrDefault(change.Fingerprint);
            if (stored?.Version != change.Version)
            {
                conflicted.Add(change.Fingerprint);
                continue;
            }

            Put(change);
            written.Add(_rows[change.Fingerprint]);
        }

        if (LoseNextWriteResponse)
        {
            LoseNextWriteResponse = false;
            conflicted.UnionWith(written.Select(entry => entry.Fingerprint));
            written.Clear();
        }

        var reread = _rows.Values.Where(row => conflicted.Contains(row.Fingerprint)).ToList();
        return Task.FromResult(new LedgerWriteResult(written, conflicted, reread));
    }

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(string tenantId, FindingStatus? status, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerEntry> entries = _rows.Values.Where(row => status is null || row.Status == status).OrderByDescending(row => row.LastSeen).ToList();
        return Task.FromResult(entries);
    }

    public Task RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ScanRecord>> ListScansAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The ledger update lists no scans.");

    public Task RecordActionsAsync(string tenantId, string scanId, IReadOnlyList<RemediationAction> actions, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<IScanLease?> TryAcquireScanLeaseAsync(string tenantId, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The ledger update takes no lease: its caller does.");
}
