using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

namespace AdminMfaWatchdog.Infrastructure.Tests.Remediation;

/// <summary>
/// The whole run, as a host does it: the engine reads through the SDK, remediates through Graph, and
/// the ledger (Azurite) marks what the watchdog fixed 'remediated' and keeps every action.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RemediationLedgerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Findings_fixed_by_the_run_become_remediated_and_every_action_is_recorded()
    {
        var tenants = new RemediationTenants();
        var config = tenants.Remediating(["service-account-not-excluded", "policy-not-enabled"]);
        await using var live = await tenants.StartAsync(config);
        var tables = LedgerTestKit.FreshTables();
        var store = LedgerTestKit.Store(azurite, tables);
        var executor = new RemediationExecutor(live.Writer, live.ReadBack, new RemediationExecutorOptions { ReadBackDelay = TimeSpan.Zero });
        WatchdogEngine Engine(RemediationMode mode) =>
            new(live.Live.Reader(), TimeProvider.System, store, new WatchdogEngineOptions { Remediation = mode }, executor);

        var observed = await Engine(RemediationMode.None).RunAsync(config, CancellationToken.None);
        var remediated = await Engine(RemediationMode.Remediate).RunAsync(config, CancellationToken.None);
        var settled = await Engine(RemediationMode.Remediate).RunAsync(config, CancellationToken.None);

        Assert.Empty(observed.Report.Actions);
        Assert.Equal(["applied", "applied"], remediated.Report.Actions.Select(a => a.Status.ToString().ToLowerInvariant()));
        Assert.Equal(
            new[] { "policy-not-enabled", "service-account-not-excluded" },
            remediated.Transitions.Where(t => t.Kind == TransitionKind.Remediated).Select(t => t.Entry.Finding.RuleId).Order());
        Assert.Empty(settled.Report.Actions);
        Assert.DoesNotContain(settled.Transitions, t => t.Kind == TransitionKind.Remediated);

        var ledger = await store.ListAsync(tenants.Snapshot.TenantId, FindingStatus.Remediated, CancellationToken.None);
        Assert.Equal(2, ledger.Count);
        var actions = new List<Infrastructure.Storage.Tables.TableEntity>();
        await foreach (var row in LedgerTestKit.RawTable(azurite, tables.ActionsTableName).QueryAsync()) actions.Add(row);
        Assert.Equal(2, actions.Count);
        Assert.All(actions, row => Assert.Equal(remediated.Report.ScanId, row.GetString("ScanId")));
    }
}
