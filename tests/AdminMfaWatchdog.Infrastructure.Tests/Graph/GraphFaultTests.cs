using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;
using GraphSimulator;
using GraphSimulator.Faults;

namespace AdminMfaWatchdog.Infrastructure.Tests.Graph;

/// <summary>
/// Issue 3's fault acceptance: under throttling, 503 bursts, hangs mid-paging and failing batch
/// steps, a scan either completes with exactly the right report or says it is incomplete. Never
/// wrong findings.
/// </summary>
public sealed class GraphFaultTests
{
    /// <summary>150 Global Administrators: the role's assignments come in two pages of 100.</summary>
    private static (TenantSnapshot, WatchdogConfig) PagedTenant()
    {
        var (snapshot, config) = TenantCases.Build("nested exclusion and service accounts");
        var t = new TenantBuilder(idSeed: 100_000);
        for (var i = 0; i < 150; i++) t.Assign(t.User($"admin{i:D3}"), Roles.GlobalAdministrator);
        var extra = t.Build();
        return (snapshot with
        {
            Users = [.. snapshot.Users, .. extra.Users],
            RoleAssignments = [.. snapshot.RoleAssignments, .. extra.RoleAssignments],
        }, config);
    }

    private static async Task AssertCompletesWithTheSnapshotReport(Action<LiveTenant> faults)
    {
        var (snapshot, config) = PagedTenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        faults(live);

        var read = await live.ReadAsync(config);

        Assert.Equal(LiveTenant.Report(snapshot, config), LiveTenant.Report(read, config));
    }

    private static async Task<ScanReport> ScanAsync(Action<LiveTenant> faults)
    {
        var (snapshot, config) = PagedTenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        faults(live);
        return await new WatchdogEngine(live.Reader(), TimeProvider.System).ScanAsync(config, CancellationToken.None);
    }

    [Fact]
    public async Task Conditional_access_throttling_without_retry_after_is_waited_out()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
        {
            live.Simulator.Options.ConditionalAccessThrottle = new ConditionalAccessThrottleOptions();
            live.Simulator.Faults.Add(FaultRule.TooManyRequests("/identity/conditionalAccess", times: 2, retryAfterSeconds: null));
        });
    }

    [Fact]
    public async Task The_reader_spaces_conditional_access_requests_so_graph_never_throttles_them()
    {
        var (snapshot, config) = TenantCases.Build("guests, locations, strengths, excluded users, deleted groups");
        await using var live = await LiveTenant.StartAsync(snapshot);
        live.Simulator.Options.ConditionalAccessThrottle = new ConditionalAccessThrottleOptions();
        live.Options.ConditionalAccessSpacing = TimeSpan.FromSeconds(1.1);

        await live.ReadAsync(config);

        var stats = live.Simulator.Stats.Snapshot();
        Assert.True(stats.For("GET /v1.0/identity/conditionalAccess/policies") == 1, "one policies request per scan");
        Assert.Equal(0, stats.Throttled);
    }

    [Fact]
    public async Task Directory_throttling_with_retry_after_is_honoured()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
            live.Simulator.Options.DirectoryThrottle = new DirectoryThrottleOptions(Capacity: 40, RefillPerSecond: 200));
    }

    [Fact]
    public async Task A_burst_of_503s_on_every_kind_of_read_is_retried()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
        {
            foreach (var path in new[] { "/identity/conditionalAccess/policies", "/roleManagement", "/$batch", "/groups", "/users" })
                live.Simulator.Faults.Add(FaultRule.ServiceUnavailable(path, times: 2));
        });
    }

    [Fact]
    public async Task A_page_that_fails_once_mid_paging_is_retried()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
            live.Simulator.Faults.Add(FaultRule.FailPage("/roleManagement/directory/roleAssignments", page: 2)));
    }

    [Fact]
    public async Task A_hang_mid_paging_times_out_and_is_retried()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
        {
            live.Options.RequestTimeout = TimeSpan.FromMilliseconds(500);
            live.Simulator.Faults.Add(FaultRule.Hang("/roleManagement/directory/roleAssignments") with { Page = 2 });
        });
    }

    [Fact]
    public async Task Batched_steps_throttled_inside_a_successful_batch_are_resent()
    {
        await AssertCompletesWithTheSnapshotReport(live =>
            live.Simulator.Faults.Add(FaultRule.TooManyRequests("/users/", times: 5, retryAfterSeconds: 1) with { SkipFirst = 1 }));
    }

    [Fact]
    public async Task A_page_that_keeps_failing_makes_the_scan_incomplete_with_no_findings()
    {
        var report = await ScanAsync(live =>
            live.Simulator.Faults.Add(FaultRule.FailPage("/roleManagement/directory/roleAssignments", page: 2) with { Times = int.MaxValue }));

        Assert.False(report.Complete);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Admins);
        Assert.Contains("roleAssignments", report.Error);
    }

    [Fact]
    public async Task A_batch_step_that_keeps_failing_makes_the_scan_incomplete()
    {
        var report = await ScanAsync(live =>
            live.Simulator.Faults.Add(FaultRule.ServiceUnavailable("/users/", times: int.MaxValue)));

        Assert.False(report.Complete);
        Assert.Empty(report.Findings);
        Assert.Contains("$batch", report.Error);
    }

    [Fact]
    public async Task An_unreachable_graph_makes_the_scan_incomplete()
    {
        var options = new Infrastructure.Graph.GraphOptions
        {
            BaseUrl = "http://127.0.0.1:9/v1.0", Anonymous = true, MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10),
            TenantId = TenantBuilder.TenantId,
        };
        var reader = new Infrastructure.Graph.GraphDirectoryReader(Infrastructure.Graph.WatchdogGraphClient.Create(options, TimeProvider.System), options, TimeProvider.System);

        var report = await new WatchdogEngine(reader, TimeProvider.System).ScanAsync(Configs.Default, CancellationToken.None);

        Assert.False(report.Complete);
        Assert.Equal(TenantBuilder.TenantId, report.TenantId);
    }
}
