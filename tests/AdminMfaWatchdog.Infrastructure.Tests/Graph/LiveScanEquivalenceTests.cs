using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Graph;

/// <summary>
/// Issue 3's first acceptance: for every tenant, a scan through the SDK and the simulator over HTTP
/// gives exactly the report (admins, coverage, reasons, findings) of the snapshot scan.
/// </summary>
public sealed class LiveScanEquivalenceTests
{
    public static TheoryData<string> Tenants => new(TenantCases.Names);

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task A_live_scan_reports_exactly_what_the_snapshot_scan_reports(string name)
    {
        var (snapshot, config) = TenantCases.Build(name);
        await using var live = await LiveTenant.StartAsync(snapshot);

        var read = await live.ReadAsync(config);

        Assert.Equal(LiveTenant.Report(snapshot, config), LiveTenant.Report(read, config));
    }

    [Fact]
    public async Task The_demo_tenant_reads_back_with_the_same_report()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "demo-tenant.json"));
        await using var config = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "demo-config.json"));
        var demoConfig = ConfigJson.Read(config, "demo-config.json");
        await using var live = await LiveTenant.StartAsync(json);

        var read = await live.ReadAsync(demoConfig);

        Assert.Equal(live.SnapshotReport(demoConfig), LiveTenant.Report(read, demoConfig));
    }

    [Fact]
    public async Task The_live_read_never_lists_every_user()
    {
        var (snapshot, config) = TenantCases.Build("nested exclusion and service accounts");
        await using var live = await LiveTenant.StartAsync(snapshot);

        await live.ReadAsync(config);

        Assert.Equal(0, live.Simulator.Stats.Snapshot().ByPath.Where(p => p.Key == "GET /v1.0/users").Sum(p => p.Value)
            - ServiceAccountQueries(config));
    }

    /// <summary>The only /users collection reads are the server-side filtered service-account searches.</summary>
    private static int ServiceAccountQueries(WatchdogConfig config) =>
        (config.ServiceAccounts?.UserPrincipalNamePatterns.Count ?? 0) + (config.ServiceAccounts?.EmployeeTypes.Count > 0 ? 1 : 0);
}

/// <summary>Tenants that exercise every kind of read the live reader does.</summary>
internal static class TenantCases
{
    public static readonly string[] Names =
    [
        "role-targeted policy with gaps",
        "nested exclusion and service accounts",
        "roles through groups, PIM, admin units, custom roles",
        "guests, locations, strengths, excluded users, deleted groups",
    ];

    public static (TenantSnapshot Snapshot, WatchdogConfig Config) Build(string name)
    {
        var t = new TenantBuilder();
        switch (name)
        {
            case "role-targeted policy with gaps":
            {
                var ga = t.User("ga");
                var exchange = t.User("exchange");
                t.Assign(ga, Roles.GlobalAdministrator);
                t.Assign(exchange, Roles.ExchangeAdministrator);
                t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ClientApps("browser", "mobileAppsAndDesktopClients"));
                t.Policy(Policies.ForAllUsers("CA002").WithState(PolicyState.EnabledForReportingButNotEnforced));
                return (t.Build(), Configs.Default);
            }
            case "nested exclusion and service accounts":
            {
                var admin = t.User("mallory");
                var person = t.User("oscar");
                var svcByPattern = t.User("svc-sync", upn: "svc-sync@contoso.example");
                var svcByType = t.User("robot", employeeType: "ServiceAccount");
                var svcMissing = t.User("svc-backup", upn: "svc-backup@contoso.example");
                var bystander = t.User("bystander");
                t.Assign(admin, Roles.GlobalAdministrator);
                var helpers = t.Group("Helpers", admin);
                var inner = t.Group("Sync", svcByPattern);
                var exclusions = t.Group("Service accounts", inner, svcByType, helpers, person);
                t.AddMember(helpers, exclusions);
                t.Group("Unrelated", bystander, svcMissing);
                t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(exclusions.Id));
                t.Policy(Policies.ForAllUsers("CA002"));
                return (t.Build(), Configs.WithServiceAccounts(exclusions.Id));
            }
            case "roles through groups, PIM, admin units, custom roles":
            {
                var viaGroup = t.User("grouped");
                var eligible = t.User("eligible");
                var eligibleViaGroup = t.User("eligible-grouped");
                var scoped = t.User("scoped");
                var custom = t.User("custom");
                var role = t.CustomRole("Tier 1 helpdesk");
                var tier0 = t.RoleAssignableGroup("Tier0", viaGroup);
                var pimGroup = t.RoleAssignableGroup("PIM admins", eligibleViaGroup);
                t.Assign(tier0, Roles.GlobalAdministrator);
                t.Eligible(eligible, Roles.SecurityAdministrator);
                t.Eligible(pimGroup, Roles.ExchangeAdministrator);
                t.Assign(scoped, Roles.UserAdministrator, "/administrativeUnits/3f1c0000-0000-0000-0000-000000000001");
                t.Assign(custom, role.Id);
                t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator, Roles.SecurityAdministrator, Roles.ExchangeAdministrator, Roles.UserAdministrator, role.Id));
                var config = Configs.Default with
                {
                    PrivilegedRoles = new PrivilegedRoleSelection(PrivilegedRoleMode.Explicit,
                        [Roles.GlobalAdministrator, Roles.SecurityAdministrator, Roles.ExchangeAdministrator, Roles.UserAdministrator, role.Id]),
                };
                return (t.Build(), config);
            }
            default:
            {
                var guest = t.User("partner", userType: "Guest", upn: "partner_fabrikam.example#EXT#@contoso.example");
                var traveller = t.User("traveller");
                var listed = t.User("listed");
                var breakGlass = t.User("bg01");
                t.Assign(guest, Roles.SecurityAdministrator);
                t.Assign(traveller, Roles.GlobalAdministrator);
                t.Assign(breakGlass, Roles.GlobalAdministrator);
                var execs = t.Group("Travelling execs", traveller);
                var hq = t.Location("HQ", trusted: true);
                t.Location("Elsewhere", trusted: false);
                var strength = t.Strength("Phishing resistant", "mfa", "fido2");
                t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator, Roles.SecurityAdministrator)
                    .Locations(["All"], hq.Id).ExcludeGroups(execs.Id).ExcludeUsers(listed.Id));
                t.Policy(Policies.RequireMfa("CA002 guests").IncludeGuests("b2bCollaborationGuest").GrantStrength(strength.Id));
                t.Policy(Policies.RequireMfa("CA003 deleted group").IncludeGroups("dead0000-0000-4000-8000-000000000000"));
                return (t.Build(), Configs.Default with { BreakGlassAccounts = ["bg01@contoso.example"] });
            }
        }
    }
}
