using AdminMfaWatchdog.Infrastructure.Alerts.Email;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Tests.Alerts;
using AdminMfaWatchdog.Infrastructure.Tests.Graph;
using AdminMfaWatchdog.Infrastructure.Tests.Remediation;
using GraphSimulator;
using GraphSimulator.State;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>
/// One feature of the watchdog run for real against the Graph simulator: the permissions
/// <see cref="GrantArguments"/> make infra/grant-graph-permissions.sh grant must cover every request it sends.
/// </summary>
internal sealed record GraphScenario(string Name, string GrantArguments, Func<Task<IReadOnlyCollection<string>>> RunAsync)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every Graph caller of the watchdog, each in the scenario that uses it. To cover a new caller (the
/// subscription manager, the audit-log poller), add a scenario here: the permission tests pick it up.
/// </summary>
internal static class GraphScenarios
{
    public static readonly IReadOnlyList<GraphScenario> All =
    [
        new("scan (every kind of read)", "--mode read-only", ScanEveryTenantCaseAsync),
        new("scan without Graph:TenantId", "--mode read-only --without-tenant-id", ScanWithoutTenantIdAsync),
        new("remediation of every remediable rule, with read-back", "--mode remediate", RemediateEveryRuleAsync),
        new("email alert", "--mode read-only --email", SendEmailAlertAsync),
        new("change notifications and the audit-log poll", "--mode read-only --notifications", KeepSubscriptionsAndPollAuditAsync),
    ];

    public static GraphScenario Named(string name) => All.Single(s => s.Name == name);

    private static async Task<IReadOnlyCollection<string>> ScanEveryTenantCaseAsync()
    {
        var requests = new List<string>();
        foreach (var name in TenantCases.Names)
        {
            var (snapshot, config) = TenantCases.Build(name);
            await using var live = await LiveTenant.StartAsync(snapshot);
            live.Options.TenantId = snapshot.TenantId;
            await live.ReadAsync(config);
            requests.AddRange(Requests(live.Simulator));
        }
        return requests;
    }

    private static async Task<IReadOnlyCollection<string>> ScanWithoutTenantIdAsync()
    {
        var (snapshot, config) = TenantCases.Build(TenantCases.Names[0]);
        await using var live = await LiveTenant.StartAsync(snapshot);
        await live.ReadAsync(config);
        return Requests(live.Simulator);
    }

    private static async Task<IReadOnlyCollection<string>> RemediateEveryRuleAsync()
    {
        var tenant = new RemediationTenants();
        await using var run = await tenant.StartAsync(tenant.Remediating(RemediationTenants.RemediableRules));
        run.Live.Options.TenantId = tenant.Snapshot.TenantId;
        var outcome = await run.RunAsync();
        // A scenario that wrote nothing would prove nothing about the write permissions.
        if (outcome.Actions.Count != RemediationTenants.RemediableRules.Length)
            throw new InvalidOperationException($"expected one action per remediable rule, got {outcome.Actions.Count}");
        return Requests(run.Live.Simulator);
    }

    private static async Task<IReadOnlyCollection<string>> SendEmailAlertAsync()
    {
        await using var graph = await GraphSimulatorHost.StartAsync(TenantState.FromJson("""
            {"tenantId":"11111111-2222-3333-4444-555555555555",
             "users":[{"id":"0b5c0d6e-0000-4000-8000-000000000001","userPrincipalName":"watchdog@contoso.com"}]}
            """));
        var client = WatchdogGraphClient.Create(new GraphOptions { Anonymous = true, BaseUrl = graph.BaseUrl }, TimeProvider.System);
        await new EmailAlertChannel(client, "watchdog@contoso.com", ["secops@contoso.com"]).SendAsync(AlertTestKit.Mixed(), default);
        return Requests(graph);
    }

    /// <summary>Every request the simulator dispatched, the steps inside $batch included, as "GET /users/{id}" without /v1.0.</summary>
    // Every call of the subscription manager and the audit poller, through the client they use.
    private static async Task<IReadOnlyCollection<string>> KeepSubscriptionsAndPollAuditAsync()
    {
        var (snapshot, _) = TenantCases.Build(TenantCases.Names[0]);
        await using var live = await LiveTenant.StartAsync(snapshot);
        await using var receiver = await ValidationEcho.StartAsync();
        var client = WatchdogGraphClient.Create(new GraphOptions { Anonymous = true, BaseUrl = live.Simulator.BaseUrl }, TimeProvider.System);
        var subscriptions = new GraphSubscriptionClient(client);
        await subscriptions.RoleAssignableGroupIdsAsync(default);
        var created = await subscriptions.CreateAsync("/users", receiver.Url, receiver.Url, "client-state-0123456789abcdef", DateTimeOffset.UtcNow.AddDays(2), default);
        await subscriptions.ListAsync(default);
        await subscriptions.RenewAsync(created.Id, DateTimeOffset.UtcNow.AddDays(3), default);
        await subscriptions.ReauthorizeAsync(created.Id, default);
        await subscriptions.DeleteAsync(created.Id, default);
        await new GraphAuditLogReader(client).ReadSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-15), default);
        return Requests(live.Simulator);
    }

    private static IReadOnlyCollection<string> Requests(GraphSimulatorHost simulator) =>
        simulator.Stats.Snapshot().ByPath.Keys.Select(key => key.Replace(" /v1.0/", " /", StringComparison.Ordinal)).ToArray();
}
