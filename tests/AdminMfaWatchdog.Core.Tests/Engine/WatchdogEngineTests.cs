using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.Engine;

public sealed class WatchdogEngineTests
{
    private sealed class FailingReader : IDirectoryReader
    {
        public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken) =>
            throw new DirectoryReadException("GET /roleManagement/directory/roleAssignments failed after 4 attempts: 503") { TenantId = TenantBuilder.TenantId };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_failed_read_makes_an_incomplete_report_that_concludes_nothing()
    {
        var engine = new WatchdogEngine(new FailingReader(), new FixedClock(TenantBuilder.Now));

        var report = await engine.ScanAsync(WatchdogConfig.Default, CancellationToken.None);

        Assert.False(report.Complete);
        Assert.Equal(TenantBuilder.TenantId, report.TenantId);
        Assert.Empty(report.Admins);
        Assert.Empty(report.Findings);
        Assert.Contains("503", report.Error);
        Assert.Contains("\"error\":", ScanReportJson.Serialize(report));
    }

    [Fact]
    public async Task A_complete_scan_reports_admins_and_findings_with_its_times()
    {
        var tenant = new TenantBuilder();
        var admin = tenant.User("adele");
        tenant.Assign(admin, Roles.ExchangeAdministrator);
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(PolicyState.EnabledForReportingButNotEnforced));
        var engine = new WatchdogEngine(new SnapshotDirectoryReader(tenant.Build()), new FixedClock(TenantBuilder.Now));

        var report = await engine.ScanAsync(WatchdogConfig.Default, CancellationToken.None);

        Assert.True(report.Complete);
        Assert.Equal((TenantBuilder.Now, TenantBuilder.Now), (report.StartedAt, report.CompletedAt));
        Assert.Equal(["admin-not-covered", "policy-not-enabled"], report.Findings.Select(f => f.RuleId).Order());
        Assert.DoesNotContain("\"error\"", ScanReportJson.Serialize(report));
        Assert.True(Guid.TryParse(report.ScanId, out _));
    }
}
