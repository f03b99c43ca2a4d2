using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.Directory;

public sealed class SnapshotRoundTripTests
{
    [Fact]
    public void A_written_snapshot_reads_back_as_the_same_tenant_with_the_same_findings()
    {
        var tenant = new TenantBuilder();
        var admin = tenant.User("alice");
        var guest = tenant.User("partner", userType: "Guest");
        var group = tenant.RoleAssignableGroup("Tier0", admin);
        tenant.Assign(group, Roles.GlobalAdministrator);
        tenant.Eligible(guest, Roles.SecurityAdministrator, end: TenantBuilder.Now.AddDays(30));
        var trusted = tenant.Location("HQ", trusted: true);
        var strength = tenant.Strength("MFA", "mfa", "password,sms");
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Locations(["All"], trusted.Id)
            .DeviceFilter(DeviceFilterMode.Exclude, "device.isCompliant -eq True").Flows("deviceCodeFlow")
            .ExcludeGuests("b2bCollaborationGuest", enumerated: true).SignInRisk("high").Platforms(["all"], "linux"));
        tenant.Policy(Policies.ForAllUsers("CA002").GrantStrength(strength.Id).WithState(PolicyState.EnabledForReportingButNotEnforced));
        var original = tenant.Build();

        using var stream = new MemoryStream();
        SnapshotJsonWriter.Write(original, stream);
        stream.Position = 0;
        var readBack = SnapshotJson.Read(stream, "round-trip.json");

        Assert.Equal(original.Users, readBack.Users);
        Assert.Equal(original.RoleAssignments, readBack.RoleAssignments);
        Assert.Equal(original.RoleEligibilitySchedules, readBack.RoleEligibilitySchedules);
        Assert.Equal(original.NamedLocations, readBack.NamedLocations);
        Assert.Equal(original.Groups.Select(g => (g.Id, g.IsAssignableToRole, g.Members.Count)), readBack.Groups.Select(g => (g.Id, g.IsAssignableToRole, g.Members.Count)));
        Assert.Equal(Findings(original), Findings(readBack));
    }

    private static string Findings(TenantSnapshot snapshot)
    {
        var evaluation = ScanEvaluator.Evaluate(snapshot, Configs.Default, TenantBuilder.Now);
        return ScanReportJson.Serialize(new ScanReport(snapshot.TenantId, "scan", TenantBuilder.Now, TenantBuilder.Now, true, evaluation.Admins, evaluation.Findings, []));
    }
}
