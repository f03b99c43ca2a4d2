using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.Rules;

/// <summary>DESIGN.md "Rules": each rule on a tenant built for it, firing and not firing.</summary>
public sealed class RuleTests
{
    private readonly TenantBuilder _tenant = new();

    [Fact]
    public void Admin_not_covered_fires_for_an_untargeted_admin_and_names_the_cause()
    {
        var admin = _tenant.User("adele");
        _tenant.Assign(admin, Roles.ExchangeAdministrator);
        _tenant.Policy(Policies.RequireMfa("CA001 admins", Roles.GlobalAdministrator));

        var finding = Assert.Single(_tenant.Evaluate().Of("admin-not-covered"));

        Assert.Equal((Severity.Critical, SubjectType.User, admin.Id, "adele@contoso.example"), (finding.Severity, finding.SubjectType, finding.SubjectId, finding.SubjectName));
        Assert.Contains("Exchange Administrator", finding.Summary);
        Assert.Contains(finding.Reasons, r => r == "'CA001 admins' does not target this user: includeRoles does not list Exchange Administrator");
    }

    [Fact]
    public void Admin_partially_covered_fires_for_partial_coverage_only()
    {
        var partial = _tenant.User("pat");
        var full = _tenant.User("fay");
        _tenant.Assign(partial, Roles.GlobalAdministrator);
        _tenant.Assign(full, Roles.SecurityAdministrator);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).SignInRisk("high"));
        _tenant.Policy(Policies.RequireMfa("CA002", Roles.SecurityAdministrator));

        var evaluation = _tenant.Evaluate();

        Assert.Equal(partial.Id, Assert.Single(evaluation.Of("admin-partially-covered")).SubjectId);
        Assert.Equal(Severity.High, evaluation.Of("admin-partially-covered")[0].Severity);
        Assert.Empty(evaluation.Of("admin-not-covered"));
    }

    [Theory]
    [InlineData("svc-backup@contoso.example", null, false, "userPrincipalName matches 'svc-*@*'")]
    [InlineData("SVC-Backup@CONTOSO.EXAMPLE", null, false, "userPrincipalName matches 'svc-*@*'")]
    [InlineData("backup@contoso.example", "serviceaccount", false, "employeeType 'serviceaccount'")]
    [InlineData("backup@contoso.example", null, true, "listed in serviceAccounts.ids")]
    public void Service_accounts_are_matched_by_pattern_employee_type_or_id_case_insensitively(string upn, string? employeeType, bool byId, string match)
    {
        var account = _tenant.User("backup", upn: upn, employeeType: employeeType);
        var group = _tenant.Group("Service accounts");
        var config = Configs.WithServiceAccounts(group.Id, ids: byId ? [account.Id.ToUpperInvariant()] : []);

        var finding = Assert.Single(_tenant.Evaluate(config).Of("service-account-not-excluded"));

        Assert.Equal(account.Id, finding.SubjectId);
        Assert.Contains($"matched as a service account: {match}", finding.Reasons);
    }

    [Fact]
    public void A_service_account_in_the_exclusion_group_through_nesting_is_fine()
    {
        var account = _tenant.User("svc-a", upn: "svc-a@contoso.example");
        var disabled = _tenant.User("svc-old", enabled: false, upn: "svc-old@contoso.example");
        var nested = _tenant.Group("Sync accounts", account);
        var group = _tenant.Group("Service accounts", nested);

        var evaluation = _tenant.Evaluate(Configs.WithServiceAccounts(group.Id));

        Assert.Empty(evaluation.Of("service-account-not-excluded"));
        Assert.DoesNotContain(evaluation.Findings, f => f.SubjectId == disabled.Id);
    }

    [Fact]
    public void Unexpected_exclusion_names_people_in_the_exclusion_group_high_for_admins()
    {
        var admin = _tenant.User("mallory");
        var person = _tenant.User("oscar");
        var service = _tenant.User("svc-a", upn: "svc-a@contoso.example");
        _tenant.Assign(admin, Roles.GlobalAdministrator);
        var nested = _tenant.Group("Helpers", admin);
        var group = _tenant.Group("Service accounts", service, nested, person);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(group.Id));

        var findings = _tenant.Evaluate(Configs.WithServiceAccounts(group.Id)).Of("unexpected-exclusion").Where(f => f.PolicyId is null).ToArray();

        Assert.Equal(2, findings.Length);
        var adminFinding = findings.Single(f => f.SubjectId == admin.Id);
        Assert.Equal(Severity.High, adminFinding.Severity);
        Assert.Contains("member through mallory@contoso.example -> 'Helpers' -> 'Service accounts'", adminFinding.Reasons);
        Assert.Equal(Severity.Medium, findings.Single(f => f.SubjectId == person.Id).Severity);
    }

    [Fact]
    public void Unexpected_exclusion_names_exclude_users_entries_and_admins_excluded_through_other_groups()
    {
        var listed = _tenant.User("listed");
        var admin = _tenant.User("ann");
        var breakGlass = _tenant.User("bg01");
        _tenant.Assign(admin, Roles.GlobalAdministrator);
        var other = _tenant.Group("Travelling execs", admin);
        var exclusions = _tenant.Group("Service accounts");
        var policy = _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator)
            .ExcludeUsers(listed.Id, breakGlass.Id).ExcludeGroups(exclusions.Id, other.Id));
        var config = Configs.WithServiceAccounts(exclusions.Id) with { BreakGlassAccounts = [breakGlass.Id] };

        var findings = _tenant.Evaluate(config).Of("unexpected-exclusion");

        Assert.Equal(new[] { admin.Id, listed.Id }.Order(), findings.Select(f => f.SubjectId).Order());
        Assert.All(findings, f => Assert.Equal(policy.Id, f.PolicyId));
        Assert.Contains(findings.Single(f => f.SubjectId == admin.Id).Reasons, r => r.Contains("ann@contoso.example -> 'Travelling execs'"));
    }

    [Fact]
    public void Exclusion_group_not_excluded_fires_per_watched_policy()
    {
        var exclusions = _tenant.Group("Service accounts");
        var good = _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(exclusions.Id));
        var bad = _tenant.Policy(Policies.ForAllUsers("CA002 all users"));

        var finding = Assert.Single(_tenant.Evaluate(Configs.WithServiceAccounts(exclusions.Id)).Of("exclusion-group-not-excluded"));

        Assert.Equal((SubjectType.Policy, bad.Id, bad.Id), (finding.SubjectType, finding.SubjectId, finding.PolicyId));
        Assert.NotEqual(good.Id, finding.SubjectId);
    }

    [Theory]
    [InlineData(PolicyState.Disabled)]
    [InlineData(PolicyState.EnabledForReportingButNotEnforced)]
    public void Policy_not_enabled_fires_for_a_watched_policy(PolicyState state)
    {
        var policy = _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(state));
        _tenant.Policy(Policies.RequireMfa("Unrelated").IncludeUsers("someone").WithState(PolicyState.Disabled));

        var finding = Assert.Single(_tenant.Evaluate().Of("policy-not-enabled"));

        Assert.Equal((policy.Id, Severity.Critical), (finding.SubjectId, finding.Severity));
    }

    [Fact]
    public void Policy_missing_fires_for_a_configured_id_that_is_gone()
    {
        const string gone = "9a9a9a9a-0000-4000-8000-000000000000";
        var present = _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));

        var evaluation = _tenant.Evaluate(Configs.Default with { WatchedPolicyIds = [present.Id, gone] });

        var finding = Assert.Single(evaluation.Of("policy-missing"));
        Assert.Equal((gone, SubjectType.Policy), (finding.SubjectId, finding.SubjectType));
    }

    [Fact]
    public void Break_glass_not_excluded_fires_when_an_enabled_watched_policy_applies()
    {
        var breakGlass = _tenant.User("bg01");
        var excludedBreakGlass = _tenant.User("bg02");
        _tenant.Assign(breakGlass, Roles.GlobalAdministrator);
        _tenant.Assign(excludedBreakGlass, Roles.GlobalAdministrator);
        var policy = _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeUsers(excludedBreakGlass.Id));
        _tenant.Policy(Policies.ForAllUsers("CA009 report-only").WithState(PolicyState.EnabledForReportingButNotEnforced));
        var config = Configs.Default with { BreakGlassAccounts = [breakGlass.Id, "bg02@contoso.example"] };

        var finding = Assert.Single(_tenant.Evaluate(config).Of("break-glass-not-excluded"));

        Assert.Equal((breakGlass.Id, policy.Id, Severity.High), (finding.SubjectId, finding.PolicyId, finding.Severity));
    }

    [Fact]
    public void No_finding_ever_names_a_disabled_account()
    {
        var disabledAdmin = _tenant.User("gone", enabled: false);
        var disabledInGroup = _tenant.User("left", enabled: false);
        _tenant.Assign(disabledAdmin, Roles.GlobalAdministrator);
        var group = _tenant.Group("Service accounts", disabledInGroup, disabledAdmin);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeUsers(disabledAdmin.Id));
        var config = Configs.WithServiceAccounts(group.Id) with { BreakGlassAccounts = [] };

        var findings = _tenant.Evaluate(config).Findings;

        Assert.DoesNotContain(findings, f => f.SubjectId == disabledAdmin.Id || f.SubjectId == disabledInGroup.Id);
    }

    [Fact]
    public void The_watch_list_is_detected_when_none_is_configured()
    {
        var adminMfa = _tenant.Policy(Policies.RequireMfa("Admins", Roles.GlobalAdministrator).WithState(PolicyState.Disabled));
        var allUsers = _tenant.Policy(Policies.ForAllUsers("Everyone").WithState(PolicyState.EnabledForReportingButNotEnforced));
        _tenant.Policy(Policies.RequireMfa("Readers", Roles.GlobalReader).WithState(PolicyState.Disabled));
        _tenant.Policy(Policies.ForAllUsers("Compliant devices").Grant("AND", "compliantDevice").WithState(PolicyState.Disabled));
        _tenant.Policy(Policies.ForAllUsers("Block legacy").Grant("OR", "block").WithState(PolicyState.Disabled));

        var flagged = _tenant.Evaluate().Of("policy-not-enabled").Select(f => f.SubjectId).Order().ToArray();

        Assert.Equal(new[] { adminMfa.Id, allUsers.Id }.Order().ToArray(), flagged);
    }

    [Fact]
    public void A_rule_set_to_off_reports_nothing()
    {
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(PolicyState.Disabled));
        var config = Configs.Default with
        {
            Remediation = Core.Configuration.RemediationSettings.AlertOnly with
            {
                Rules = new Dictionary<string, Core.Configuration.RuleMode> { ["policy-not-enabled"] = Core.Configuration.RuleMode.Off },
            },
        };

        Assert.Empty(_tenant.Evaluate(config).Of("policy-not-enabled"));
    }

    [Fact]
    public void Fingerprints_are_stable_across_scans_and_distinct_per_fact()
    {
        var admin = _tenant.User("adele");
        _tenant.Assign(admin, Roles.ExchangeAdministrator);
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(PolicyState.Disabled));

        var first = _tenant.Evaluate().Findings.Select(f => f.Fingerprint).ToArray();
        var second = _tenant.Evaluate().Findings.Select(f => f.Fingerprint).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(first.Length, first.Distinct().Count());
        Assert.Equal(FindingFingerprint.Compute(TenantBuilder.TenantId, "admin-not-covered", admin.Id.ToUpperInvariant(), null),
            _tenant.Evaluate().Of("admin-not-covered")[0].Fingerprint);
    }
}
