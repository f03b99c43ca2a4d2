using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>Two writers on one tenant's ledger at once, on Azurite: ETags make the loser re-read and redo, never overwrite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_concurrent_updates_of_a_tenant_lose_no_occurrence_and_duplicate_no_row()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        // 150 known rows (two transactions' worth), then two scans that both see them and 120 new ones, plus 30 of their own.
        var known = Findings(tenant, "known", 150);
        var shared = Findings(tenant, "shared", 120);
        var onlyA = Findings(tenant, "only-a", 30);
        var onlyB = Findings(tenant, "only-b", 30);
        await new LedgerUpdate(Store(azurite, options)).ApplyAsync(Report(tenant, "scan-0", Monday, true, known), NoneRemediated, default);

        // Both updates load before either writes, so their writes collide for certain; each runs on its own store and thread.
        var bothLoaded = new CountdownGate(2);
        var updateA = new LedgerUpdate(new InterceptingFindingStore(Store(azurite, options), bothLoaded.SignalAndWaitAsync));
        var updateB = new LedgerUpdate(new InterceptingFindingStore(Store(azurite, options), bothLoaded.SignalAndWaitAsync));
        var results = await Task.WhenAll(
            Task.Run(() => updateA.ApplyAsync(Report(tenant, "scan-a", Monday.AddHours(1), true, [.. known, .. shared, .. onlyA]), NoneRemediated, default)),
            Task.Run(() => updateB.ApplyAsync(Report(tenant, "scan-b", Monday.AddHours(2), true, [.. known, .. shared, .. onlyB]), NoneRemediated, default)));

        var rows = await Store(azurite, options).ListAsync(tenant, null, default);
        Assert.Equal(150 + 120 + 30 + 30, rows.Count);
        Assert.Equal(rows.Count, rows.Select(row => row.Fingerprint).Distinct().Count());
        Assert.All(known, finding => Assert.Equal((FindingStatus.Open, 3), Counted(rows, finding)));
        Assert.All(shared, finding => Assert.Equal((FindingStatus.Open, 2), Counted(rows, finding)));
        // Both loaded before either wrote, so neither saw the other's own findings, nor could resolve them.
        Assert.All([.. onlyA, .. onlyB], finding => Assert.Equal((FindingStatus.Open, 1), Counted(rows, finding)));

        // The loser redid its conflicting writes; every new row was announced exactly once, by whoever created it.
        Assert.Contains(results, result => result.Attempts > 1);
        var opened = results.SelectMany(result => result.Transitions).Where(t => t.Kind == TransitionKind.Opened).Select(t => t.Entry.Fingerprint).ToList();
        Assert.Equal(shared.Count + onlyA.Count + onlyB.Count, opened.Count);
        Assert.Equal(opened.Count, opened.Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_updates_left_to_race_freely_still_count_every_sighting()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var findings = Findings(tenant, "user", 250);

        await Task.WhenAll(Enumerable.Range(1, 3).Select(scan => Task.Run(() =>
            new LedgerUpdate(Store(azurite, options)).ApplyAsync(Report(tenant, $"scan-{scan}", Monday.AddMinutes(scan), true, findings), NoneRemediated, default))));

        var rows = await Store(azurite, options).ListAsync(tenant, null, default);
        Assert.Equal(250, rows.Count);
        Assert.All(rows, row => Assert.Equal((FindingStatus.Open, 3), (row.Status, row.Occurrences)));
    }

    [Fact]
    public async Task A_row_changed_behind_the_stores_back_fails_with_412_and_is_redone_from_what_is_stored()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var findings = Findings(tenant, "user", 5);
        await new LedgerUpdate(Store(azurite, options)).ApplyAsync(Report(tenant, "scan-1", Monday, true, findings), NoneRemediated, default);
        var raw = RawTable(azurite, options.FindingsTableName);
        var changed = findings[2];
        var gone = findings[4];

        // Between the store's read and its write, another writer counts 9 more sightings of one row.
        var update = new LedgerUpdate(new InterceptingFindingStore(Store(azurite, options), async () =>
        {
            var row = (await raw.GetEntityAsync(tenant, changed.Fingerprint)).Value;
            row["Occurrences"] = 10;
            await raw.UpdateEntityAsync(row, row.ETag);
        }));
        var result = await update.ApplyAsync(Report(tenant, "scan-2", Monday.AddDays(1), true, findings[..4]), NoneRemediated, default);

        // The one transaction was refused (412) as a whole, re-read and written again: nothing lost, nothing counted twice.
        Assert.Equal((2, 5), (result.Attempts, result.RowsWritten));
        Assert.Equal((gone.Fingerprint, TransitionKind.Resolved), Assert.Single(result.Transitions.Select(t => (t.Entry.Fingerprint, t.Kind))));
        var rows = await Store(azurite, options).ListAsync(tenant, null, default);
        Assert.Equal((FindingStatus.Open, 11), Counted(rows, changed));
        Assert.All(findings[..4].Where(f => f != changed), finding => Assert.Equal((FindingStatus.Open, 2), Counted(rows, finding)));
        Assert.Equal((FindingStatus.Resolved, 1), Counted(rows, gone));
    }

    [Fact]
    public async Task A_stale_version_comes_back_as_a_conflict_with_the_row_as_stored_now()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var store = Store(azurite, options);
        var alice = Finding(tenant, "alice");
        await new LedgerUpdate(store).ApplyAsync(Report(tenant, "scan-1", Monday, true, [alice]), NoneRemediated, default);
        var read = Assert.Single(await store.LoadKnownAsync(tenant, [alice.Fingerprint], default));
        var raw = RawTable(azurite, options.FindingsTableName);
        await raw.UpdateEntityAsync(new TableEntity(tenant, alice.Fingerprint) { ["Occurrences"] = 7 }, ETag.All);

        var result = await store.WriteAsync(tenant, [read with { Occurrences = 2 }], default);

        Assert.Empty(result.Written);
        Assert.Equal([alice.Fingerprint], result.Conflicted);
        Assert.Equal(7, Assert.Single(result.Reread).Occurrences);
        Assert.NotEqual(read.Version, result.Reread[0].Version);
    }

    private static List<Finding> Findings(string tenant, string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Finding(tenant, $"{prefix}-{i:D4}")).ToList();

    private static (FindingStatus, int) Counted(IEnumerable<LedgerEntry> rows, Finding finding)
    {
        var row = Single(rows, finding);
        return (row.Status, row.Occurrences);
    }

    /// <summary>Lets callers through once <c>parties</c> of them have arrived.</summary>
    private sealed class CountdownGate(int parties)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task SignalAndWaitAsync()
        {
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _open.SetResult();
            }

            return _open.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
