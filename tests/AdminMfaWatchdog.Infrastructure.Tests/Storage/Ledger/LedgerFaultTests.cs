using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

[Collection(AzuriteCollection.Name)]
public sealed class LedgerFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Storage_lost_mid_update_fails_clearly_and_the_next_scan_reconciles_from_what_was_stored()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var findings = Enumerable.Range(0, 450).Select(i => Finding(tenant, $"user-{i:D3}")).ToList();
        // 4 table creations, 2 reads, 2 transactions reach Azurite; then the account is gone (connection refused).
        var failing = FreshTablesLike(options);
        failing.ClientOptions!.AddPolicy(new UnreachableAfterPolicy(healthyRequests: 8, ClosedLoopbackPort()), Azure.Core.HttpPipelinePosition.PerRetry);

        var failure = await Assert.ThrowsAsync<LedgerUpdateException>(() =>
            new LedgerUpdate(Store(azurite, failing)).ApplyAsync(Report(tenant, "scan-1", Monday, true, findings), NoneRemediated, default));

        // What the engine turns into "the scan could not complete" (exit 3): which tenant, what failed, why.
        Assert.IsType<FindingStoreException>(failure.InnerException);
        Assert.Contains($"tenant {tenant}", failure.Message);
        Assert.Contains("could not be reached", failure.Message);
        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, failure.ToString());
        // The two transactions that landed are reported, so their "opened" alerts are not lost with the scan.
        Assert.Equal(200, failure.AppliedTransitions.Count);

        // Transactions are all-or-nothing: whole groups of 100 landed, none in part.
        var store = Store(azurite, options);
        var stored = await store.ListAsync(tenant, null, default);
        Assert.Equal(200, stored.Count);
        Assert.All(stored, row => Assert.Equal((FindingStatus.Open, 1, "scan-1"), (row.Status, row.Occurrences, row.LastScanId)));

        // Nothing half-written is taken for truth: every stored row is a whole, true statement (the tenant
        // had that finding at scan-1), and the next complete scan reconciles from what is stored - rows the
        // failed scan wrote are seen again, rows it never wrote are opened, and the ledger ends exactly right.
        var next = await new LedgerUpdate(store).ApplyAsync(Report(tenant, "scan-2", Monday.AddDays(1), true, findings), NoneRemediated, default);

        Assert.Equal(250, next.Transitions.Count(t => t.Kind == TransitionKind.Opened));
        var rows = await store.ListAsync(tenant, null, default);
        Assert.Equal(450, rows.Count);
        Assert.Equal(200, rows.Count(row => (row.Occurrences, row.FirstSeen) == (2, Monday)));
        Assert.Equal(250, rows.Count(row => (row.Occurrences, row.FirstSeen) == (1, Monday.AddDays(1))));
        Assert.All(rows, row => Assert.Equal((FindingStatus.Open, "scan-2"), (row.Status, row.LastScanId)));
    }

    [Fact]
    public async Task An_unreachable_account_fails_every_operation_with_the_ports_exception()
    {
        var endpoint = $"http://127.0.0.1:{ClosedLoopbackPort()}/devstoreaccount1";
        var options = FreshTables();
        var store = TableFindingStore.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint={endpoint}", SettingName, options);

        var failure = await Assert.ThrowsAsync<FindingStoreException>(() => store.LoadKnownAsync(NewTenant(), [], default));

        Assert.StartsWith("Could not create the ledger tables at http://127.0.0.1:", failure.Message);
        Assert.Contains("could not be reached (2 attempts)", failure.Message);
        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, failure.ToString());
    }

    /// <summary>A made-up key (base64 of "secret-key-that-must-not-leak"), named so no committed line reads like a real one.</summary>
    private const string FakeKey = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    [Theory]
    [InlineData($"AccountName=watchdog;AccountKey={FakeKey}%%%", "AccountKey is not valid base64")]
    [InlineData($"AccountKey={FakeKey}", "AccountName is missing")]
    [InlineData(FakeKey, "expected Name=value pairs")]
    [InlineData("", "it is empty")]
    public void A_malformed_connection_string_names_the_setting_and_never_echoes_the_key(string connectionString, string problem)
    {
        foreach (var setting in new[] { SettingName, "--store" })
        {
            var error = Assert.Throws<InvalidConnectionStringException>(() => TableFindingStore.FromConnectionString(connectionString, setting));

            Assert.StartsWith($"'{setting}' is not a usable Azure Storage connection string", error.Message);
            Assert.Contains(problem, error.Message);
            Assert.DoesNotContain(FakeKey.TrimEnd('='), error.ToString());
        }
    }

    private static TableFindingStoreOptions FreshTablesLike(TableFindingStoreOptions tables)
    {
        var options = FreshTables();
        options.FindingsTableName = tables.FindingsTableName;
        options.ScansTableName = tables.ScansTableName;
        options.ActionsTableName = tables.ActionsTableName;
        options.LeasesTableName = tables.LeasesTableName;
        return options;
    }
}
