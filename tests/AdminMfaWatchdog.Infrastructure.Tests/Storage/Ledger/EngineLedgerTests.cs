using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Tests.Kit;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>Issue 4's acceptance through the engine: scan, change the tenant, scan again, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineLedgerTests(AzuriteFixture azurite)
{
    private sealed class ChangingTenant(TenantSnapshot first) : IDirectoryReader
    {
        public TenantSnapshot Current { get; set; } = first;
        public bool Fail { get; set; }

        public Task<TenantSnapshot> ReadAsync(Core.Configuration.WatchdogConfig config, CancellationToken cancellationToken) =>
            Fail ? throw new DirectoryReadException("GET /users failed after 5 attempts") { TenantId = Current.TenantId } : Task.FromResult(Current);
    }

    private static (TenantSnapshot Before, TenantSnapshot After) Tenants()
    {
        var t = new TenantBuilder();
        var adele = t.User("adele");
        var bob = t.User("bob");
        t.Assign(adele, Roles.ExchangeAdministrator);
        t.Assign(bob, Roles.UserAdministrator);
        var policy = t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator, Roles.ExchangeAdministrator).WithState(PolicyState.EnabledForReportingButNotEnforced));
        var before = t.Build();
        // Someone re-enables CA001 (adele becomes covered) and removes bob's role; carol becomes an uncovered admin.
        var carol = new DirectoryUser("c0000000-0000-4000-8000-000000000001", "carol", "carol@contoso.example", "Member", true, null);
        var after = before with
        {
            Users = [.. before.Users, carol],
            RoleAssignments = [.. before.RoleAssignments.Where(a => a.PrincipalId != bob.Id), new RoleAssignment(carol.Id, Roles.SecurityAdministrator, "/")],
            ConditionalAccessPolicies = [policy.WithState(PolicyState.Enabled)],
        };
        return (before, after);
    }

    private WatchdogEngine Engine(IDirectoryReader reader, IFindingStore store) =>
        new(reader, TimeProvider.System, store, new WatchdogEngineOptions { LeaseWait = TimeSpan.FromSeconds(2) });

    [Fact]
    public async Task Scan_change_the_tenant_scan_again_resolved_new_and_repeated_are_exactly_right()
    {
        var (before, after) = Tenants();
        var reader = new ChangingTenant(before);
        var store = LedgerTestKit.Store(azurite, LedgerTestKit.FreshTables());
        var engine = Engine(reader, store);
        var config = Configs.Default;

        var first = await engine.RunAsync(config, CancellationToken.None);
        reader.Current = after;
        var second = await engine.RunAsync(config, CancellationToken.None);
        var third = await engine.RunAsync(config, CancellationToken.None);

        Assert.Equal(["admin-not-covered", "admin-not-covered", "policy-not-enabled"], first.Transitions.Select(t => t.Entry.Finding.RuleId).Order());
        Assert.All(first.Transitions, t => Assert.Equal(TransitionKind.Opened, t.Kind));
        Assert.Equal(
            new[] { ("adele@contoso.example", TransitionKind.Resolved), ("bob@contoso.example", TransitionKind.Resolved), ("carol@contoso.example", TransitionKind.Opened), ("CA001", TransitionKind.Resolved) }.Order(),
            second.Transitions.Select(t => (t.Entry.Finding.SubjectName, t.Kind)).Order());
        Assert.Empty(third.Transitions);

        var ledger = await store.ListAsync(before.TenantId, null, CancellationToken.None);
        var carol = Assert.Single(ledger, e => e.Finding.SubjectName == "carol@contoso.example");
        Assert.Equal((FindingStatus.Open, 2, third.Report.ScanId), (carol.Status, carol.Occurrences, carol.LastScanId));
        Assert.Equal(3, ledger.Count(e => e.Status == FindingStatus.Resolved));
    }

    [Fact]
    public async Task An_incomplete_scan_changes_no_status()
    {
        var (before, _) = Tenants();
        var reader = new ChangingTenant(before);
        var store = LedgerTestKit.Store(azurite, LedgerTestKit.FreshTables());
        var engine = Engine(reader, store);
        await engine.RunAsync(Configs.Default, CancellationToken.None);

        reader.Fail = true;
        var failed = await engine.RunAsync(Configs.Default, CancellationToken.None);

        Assert.False(failed.Report.Complete);
        Assert.Empty(failed.Transitions);
        Assert.All(await store.ListAsync(before.TenantId, null, CancellationToken.None), e => Assert.Equal(FindingStatus.Open, e.Status));
    }

    [Fact]
    public async Task Storage_unreachable_makes_the_run_incomplete_and_the_next_run_reconciles_from_what_is_stored()
    {
        var (before, _) = Tenants();
        var options = LedgerTestKit.FreshTables();
        var unreachable = TableFindingStore.FromConnectionString(
            azurite.ConnectionString.Replace($":{azurite.TableEndpoint.Port}/", $":{LedgerTestKit.ClosedLoopbackPort()}/", StringComparison.Ordinal),
            LedgerTestKit.SettingName, options);

        var failed = await Engine(new ChangingTenant(before), unreachable).RunAsync(Configs.Default, CancellationToken.None);
        var recovered = await Engine(new ChangingTenant(before), LedgerTestKit.Store(azurite, options)).RunAsync(Configs.Default, CancellationToken.None);

        Assert.False(failed.Report.Complete);
        Assert.Contains("ledger", failed.Report.Error);
        Assert.True(recovered.Report.Complete);
        Assert.Equal(3, recovered.Transitions.Count(t => t.Kind == TransitionKind.Opened));
    }
}
