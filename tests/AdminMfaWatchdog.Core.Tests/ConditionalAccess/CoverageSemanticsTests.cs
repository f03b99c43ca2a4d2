using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.ConditionalAccess;

/// <summary>DESIGN.md "Coverage semantics", bullet by bullet, each on a tenant built for it.</summary>
public sealed class CoverageSemanticsTests
{
    private readonly TenantBuilder _tenant = new();

    private (TenantBuilder Tenant, Core.Directory.DirectoryUser Admin) GlobalAdmin(string name = "alice")
    {
        var admin = _tenant.User(name);
        _tenant.Assign(admin, Roles.GlobalAdministrator);
        return (_tenant, admin);
    }

    [Fact]
    public void An_enabled_role_targeted_mfa_policy_covers_an_active_admin()
    {
        var (tenant, admin) = GlobalAdmin();
        var policy = tenant.Policy(Policies.RequireMfa("CA001 admins", Roles.GlobalAdministrator));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Covered, coverage.Coverage);
        Assert.Equal([policy.Id], coverage.CoveringPolicyIds);
    }

    [Theory]
    [InlineData(PolicyState.EnabledForReportingButNotEnforced, "report-only")]
    [InlineData(PolicyState.Disabled, "disabled")]
    public void Report_only_and_disabled_policies_cover_nobody(PolicyState state, string reason)
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001 admins", Roles.GlobalAdministrator).WithState(state));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("'CA001 admins'") && r.Contains(reason));
    }

    [Fact]
    public void Mfa_or_compliant_device_is_not_mfa_grade()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Grant("OR", "mfa", "compliantDevice"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("mfa OR compliantDevice") && r.Contains("without MFA"));
    }

    [Fact]
    public void Mfa_and_compliant_device_is_mfa_grade()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Grant("AND", "mfa", "compliantDevice"));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void A_grant_without_mfa_does_not_cover()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Compliant devices", Roles.GlobalAdministrator).Grant("AND", "compliantDevice"));

        Assert.Equal(Coverage.NotCovered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void An_mfa_authentication_strength_covers()
    {
        var (tenant, admin) = GlobalAdmin();
        var strength = tenant.Strength("Phishing resistant", "mfa", "fido2", "windowsHelloForBusiness");
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).GrantStrength(strength.Id));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void A_built_in_mfa_strength_referenced_by_id_only_covers()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).GrantStrength("00000000-0000-0000-0000-000000000002"));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Theory]
    [InlineData("none", "password,microsoftAuthenticatorPush")]
    [InlineData("mfa", "sms")]
    public void A_single_factor_strength_does_not_cover(string requirements, string combination)
    {
        var (tenant, admin) = GlobalAdmin();
        var strength = tenant.Strength("Weak", requirements, "password,sms", combination);
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).GrantStrength(strength.Id));

        Assert.Equal(Coverage.NotCovered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void Exclusion_through_a_nested_group_wins_and_the_path_is_told()
    {
        var (tenant, admin) = GlobalAdmin();
        var inner = tenant.Group("Contractors", admin);
        var outer = tenant.Group("MFA exclusions", inner);
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(outer.Id));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains("excluded from 'CA001' through alice@contoso.example -> 'Contractors' -> 'MFA exclusions' (excludeGroups)", coverage.Reasons);
    }

    [Fact]
    public void Inclusion_through_a_nested_group_is_transitive()
    {
        var (tenant, admin) = GlobalAdmin();
        var inner = tenant.Group("Tier 0", admin);
        var outer = tenant.Group("All admins", inner);
        tenant.Policy(Policies.RequireMfa("CA002 admin group").IncludeGroups(outer.Id));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void A_nesting_cycle_is_walked_once()
    {
        var (tenant, admin) = GlobalAdmin();
        var a = tenant.Group("A", admin);
        var b = tenant.Group("B", a);
        tenant.AddMember(a, b);
        tenant.Policy(Policies.RequireMfa("CA002").IncludeGroups(b.Id));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void An_excluded_role_wins_over_an_included_role()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Assign(admin, Roles.ExchangeAdministrator);
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeRoles(Roles.ExchangeAdministrator));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("by role Exchange Administrator (excludeRoles)"));
    }

    [Fact]
    public void A_role_held_through_a_role_assignable_group_is_matched_by_include_roles()
    {
        var admin = _tenant.User("bob");
        var group = _tenant.RoleAssignableGroup("Tier0-GlobalAdmins", admin);
        _tenant.Assign(group, Roles.GlobalAdministrator);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));

        var coverage = _tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Covered, coverage.Coverage);
        var role = Assert.Single(coverage.Roles);
        Assert.Equal((AssignmentPath.Group, group.Id), (role.Via, role.GroupId));
    }

    [Fact]
    public void A_pim_eligible_admin_covered_only_by_include_roles_is_partial()
    {
        var admin = _tenant.User("erin");
        _tenant.Eligible(admin, Roles.GlobalAdministrator);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));

        var coverage = _tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.StartsWith("covered only while role is active", coverage.Reasons[0]);
        Assert.Equal(AssignmentKind.Eligible, Assert.Single(coverage.Roles).Assignment);
    }

    [Fact]
    public void A_pim_eligible_admin_also_targeted_by_group_is_covered()
    {
        var admin = _tenant.User("erin");
        _tenant.Eligible(admin, Roles.GlobalAdministrator);
        var admins = _tenant.Group("Admins", admin);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).IncludeGroups(admins.Id));

        Assert.Equal(Coverage.Covered, _tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void An_expired_eligibility_does_not_make_an_admin()
    {
        var user = _tenant.User("former");
        _tenant.Eligible(user, Roles.GlobalAdministrator, end: TenantBuilder.Now.AddDays(-1));

        Assert.Empty(_tenant.Evaluate().Admins);
    }

    [Fact]
    public void An_admin_unit_scoped_assignment_is_not_matched_by_include_roles()
    {
        var admin = _tenant.User("scoped");
        _tenant.Assign(admin, Roles.UserAdministrator, "/administrativeUnits/3f1c0000-0000-0000-0000-000000000001");
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.UserAdministrator));

        var coverage = _tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("scoped to /administrativeUnits/") && r.Contains("tenant-wide assignments only"));
    }

    [Fact]
    public void A_custom_role_is_not_matched_by_include_roles()
    {
        var admin = _tenant.User("custom");
        var role = _tenant.CustomRole("Tier 1 helpdesk");
        _tenant.Assign(admin, role.Id);
        _tenant.Policy(Policies.RequireMfa("CA001", role.Id));
        var config = Configs.Default with { PrivilegedRoles = new(Core.Configuration.PrivilegedRoleMode.Explicit, [role.Id]) };

        var coverage = _tenant.Evaluate(config).Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("custom role"));
    }

    [Fact]
    public void Excluding_trusted_locations_is_partial_and_names_them()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Location("HQ", trusted: true);
        tenant.Location("Blocked countries", trusted: false);
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Locations(["All"], "AllTrusted"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.Contains("MFA not enforced from trusted locations: 'HQ' (trusted)", coverage.Reasons);
    }

    [Fact]
    public void A_risk_only_policy_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Risky sign-ins", Roles.GlobalAdministrator).SignInRisk("high"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.Contains("MFA enforced only on high sign-in risk, not on none, low, medium", coverage.Reasons);
    }

    [Fact]
    public void A_user_risk_only_policy_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Risky users", Roles.GlobalAdministrator).UserRisk("medium", "high"));

        Assert.Contains("MFA enforced only on medium, high user risk, not on none, low", tenant.Evaluate().Admin(admin).Reasons);
    }

    [Fact]
    public void Leaving_out_legacy_clients_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ClientApps("browser", "mobileAppsAndDesktopClients"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.Contains("MFA not enforced for client app types exchangeActiveSync, other: legacy clients not targeted", coverage.Reasons);
    }

    [Fact]
    public void Admin_portals_only_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Portals", Roles.GlobalAdministrator).Apps(["MicrosoftAdminPortals"]));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.Contains("MFA enforced only for Microsoft Admin Portals, not for other cloud apps, Office 365", coverage.Reasons);
    }

    [Fact]
    public void Excluding_an_app_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Apps(["All"], "a0c73c16-a7e3-4564-9a95-2bdf47383716"));

        Assert.Contains("MFA not enforced for app a0c73c16-a7e3-4564-9a95-2bdf47383716", tenant.Evaluate().Admin(admin).Reasons);
    }

    [Fact]
    public void A_user_actions_only_policy_covers_no_sign_in()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Register security info", Roles.GlobalAdministrator).UserActionsOnly());

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("select no app sign-in"));
    }

    [Fact]
    public void Platform_narrowing_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Platforms(["all"], "linux"));

        Assert.Contains("MFA not enforced on device platforms linux", tenant.Evaluate().Admin(admin).Reasons);
    }

    [Fact]
    public void Listing_platforms_leaves_unknown_platforms_uncovered()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).Platforms(["android", "iOS", "windows", "macOS", "linux", "windowsPhone"]));

        Assert.Contains("MFA not enforced on device platforms unknown", tenant.Evaluate().Admin(admin).Reasons);
    }

    [Fact]
    public void A_device_filter_leaves_the_other_devices_uncovered_and_its_complement_completes_it()
    {
        var (tenant, admin) = GlobalAdmin();
        const string rule = "device.isCompliant -eq True";
        tenant.Policy(Policies.RequireMfa("Unmanaged", Roles.GlobalAdministrator).DeviceFilter(DeviceFilterMode.Exclude, rule));
        var partial = tenant.Evaluate().Admin(admin);
        Assert.Equal(Coverage.Partial, partial.Coverage);
        Assert.Contains($"MFA not enforced on devices matching the device filter '{rule}'", partial.Reasons);

        tenant.Policy(Policies.RequireMfa("Managed", Roles.GlobalAdministrator).DeviceFilter(DeviceFilterMode.Include, rule));
        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void An_authentication_flow_policy_alone_is_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Device code", Roles.GlobalAdministrator).Flows("deviceCodeFlow"));

        Assert.Equal(Coverage.Partial, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void Two_policies_each_covering_half_the_client_apps_cover_together()
    {
        var (tenant, admin) = GlobalAdmin();
        var modern = tenant.Policy(Policies.RequireMfa("Modern", Roles.GlobalAdministrator).ClientApps("browser", "mobileAppsAndDesktopClients"));
        var legacy = tenant.Policy(Policies.RequireMfa("Legacy", Roles.GlobalAdministrator).ClientApps("exchangeActiveSync", "other"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Covered, coverage.Coverage);
        Assert.Equal([modern.Id, legacy.Id], coverage.CoveringPolicyIds);
    }

    [Fact]
    public void Policies_covering_only_crossed_corners_stay_partial()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Browser on Windows", Roles.GlobalAdministrator).ClientApps("browser").Platforms(["windows"]));
        tenant.Policy(Policies.RequireMfa("Everything but browser, anywhere", Roles.GlobalAdministrator).ClientApps("mobileAppsAndDesktopClients", "exchangeActiveSync", "other"));

        var coverage = tenant.Evaluate().Admin(admin);

        Assert.Equal(Coverage.Partial, coverage.Coverage);
        Assert.Contains("MFA not enforced for client app types browser", coverage.Reasons);
    }

    [Fact]
    public void Blocking_legacy_clients_completes_coverage()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ClientApps("browser", "mobileAppsAndDesktopClients"));
        tenant.Policy(Policies.ForAllUsers("Block legacy authentication").ClientApps("exchangeActiveSync", "other").Grant("OR", "block"));

        Assert.Equal(Coverage.Covered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void A_guest_admin_is_included_by_guest_type_and_excluded_conservatively_when_tenants_are_enumerated()
    {
        var guest = _tenant.User("partner", userType: "Guest", upn: "partner_fabrikam.example#EXT#@contoso.example");
        _tenant.Assign(guest, Roles.SecurityAdministrator);
        _tenant.Policy(Policies.RequireMfa("Guests").IncludeGuests("b2bCollaborationGuest"));
        Assert.Equal(Coverage.Covered, _tenant.Evaluate().Admin(guest).Coverage);

        var excluding = new TenantBuilder();
        var guest2 = excluding.User("partner", userType: "Guest");
        excluding.Assign(guest2, Roles.SecurityAdministrator);
        excluding.Policy(Policies.ForAllUsers("All users").ExcludeGuests("b2bCollaborationGuest", enumerated: true));
        var coverage = excluding.Evaluate().Admin(guest2);
        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains("assumed excluded"));
    }

    [Fact]
    public void Enumerated_home_tenants_never_prove_an_inclusion()
    {
        var guest = _tenant.User("partner", userType: "Guest");
        _tenant.Assign(guest, Roles.SecurityAdministrator);
        _tenant.Policy(Policies.RequireMfa("Guests").IncludeGuests("b2bCollaborationGuest", enumerated: true));

        Assert.Equal(Coverage.NotCovered, _tenant.Evaluate().Admin(guest).Coverage);
    }

    [Fact]
    public void A_member_with_ext_in_the_upn_is_a_b2b_collaboration_member()
    {
        var external = _tenant.User("ext", userType: "Member", upn: "ext_fabrikam.example#EXT#@contoso.example");
        _tenant.Assign(external, Roles.SecurityAdministrator);
        _tenant.Policy(Policies.RequireMfa("External members").IncludeGuests("b2bCollaborationMember"));

        Assert.Equal(Coverage.Covered, _tenant.Evaluate().Admin(external).Coverage);
    }

    [Fact]
    public void A_disabled_admin_is_listed_as_disabled()
    {
        var admin = _tenant.User("gone", enabled: false);
        _tenant.Assign(admin, Roles.GlobalAdministrator);

        Assert.Equal(Coverage.Disabled, _tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void A_policy_including_a_deleted_group_is_reported()
    {
        var (tenant, admin) = GlobalAdmin();
        const string deleted = "dead0000-0000-4000-8000-000000000000";
        var policy = tenant.Policy(Policies.RequireMfa("CA002 admins group").IncludeGroups(deleted));
        var config = Configs.Default with { WatchedPolicyIds = [policy.Id] };

        var coverage = tenant.Evaluate(config).Admin(admin);

        Assert.Equal(Coverage.NotCovered, coverage.Coverage);
        Assert.Contains(coverage.Reasons, r => r.Contains($"'{deleted}'") && r.Contains("no longer exist"));
    }

    [Fact]
    public void None_includes_nobody()
    {
        var (tenant, admin) = GlobalAdmin();
        tenant.Policy(Policies.RequireMfa("Nobody").IncludeUsers("None"));

        Assert.Equal(Coverage.NotCovered, tenant.Evaluate().Admin(admin).Coverage);
    }

    [Fact]
    public void Break_glass_and_service_accounts_are_exempt_not_uncovered()
    {
        var breakGlass = _tenant.User("bg01");
        var service = _tenant.User("svc-sync", upn: "svc-sync@contoso.example");
        var exclusions = _tenant.Group("Service accounts", service);
        _tenant.Assign(breakGlass, Roles.GlobalAdministrator);
        _tenant.Assign(service, Roles.ExchangeAdministrator);
        var config = Configs.WithServiceAccounts(exclusions.Id) with { BreakGlassAccounts = [breakGlass.UserPrincipalName!] };

        var evaluation = _tenant.Evaluate(config);

        Assert.Equal(Coverage.Exempt, evaluation.Admin(breakGlass).Coverage);
        Assert.Equal(Coverage.Exempt, evaluation.Admin(service).Coverage);
        Assert.Empty(evaluation.Of("admin-not-covered"));
    }

    [Fact]
    public void Service_principals_holding_roles_are_not_admins()
    {
        _tenant.Assign("5e7a0000-0000-4000-8000-000000000001", Roles.GlobalAdministrator);
        var snapshot = _tenant.Build() with { ServicePrincipals = [new("5e7a0000-0000-4000-8000-000000000001", "deploy-bot", null)] };

        Assert.Empty(ScanEvaluator.Evaluate(snapshot, Configs.Default, TenantBuilder.Now).Admins);
    }
}
