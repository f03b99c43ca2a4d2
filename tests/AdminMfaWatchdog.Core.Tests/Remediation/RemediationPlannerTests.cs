using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Core.Tests.Kit;
using static AdminMfaWatchdog.Core.Tests.Remediation.RemediationKit;

namespace AdminMfaWatchdog.Core.Tests.Remediation;

/// <summary>Each rule's remediation, as DESIGN.md "Rules" names it, planned from the tenant model.</summary>
public sealed class RemediationPlannerTests
{
    [Fact]
    public void A_service_account_outside_the_exclusion_group_is_added_to_it()
    {
        var t = new TenantBuilder();
        var svc = t.User("svc-backup");
        var group = t.Group("CA-Exclude");
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id));
        var config = Configs.WithServiceAccounts(group.Id, ids: [svc.Id]).Remediating();
        var snapshot = t.Build();

        var item = Plan(snapshot, config).Single();

        Assert.Equal(new AddGroupMember(group.Id, svc.Id), item.Change);
        Assert.Equal(new RemediationAction("service-account-not-excluded", "addGroupMember", svc.Id, ActionStatus.Planned,
            "add svc-backup@contoso.example to 'CA-Exclude'") { Before = $"not a direct member of group {group.Id}" }, item.Action);
        Assert.Equal([FindingFingerprint.Compute(TenantBuilder.TenantId, "service-account-not-excluded", svc.Id, null)], item.Fingerprints);
    }

    [Fact]
    public void A_direct_member_that_is_no_service_account_is_removed_from_the_exclusion_group()
    {
        var t = new TenantBuilder();
        var clerk = t.User("clerk");
        var group = t.Group("CA-Exclude", clerk);
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id));

        var item = Plan(t.Build(), Configs.WithServiceAccounts(group.Id).Remediating()).Single();

        Assert.Equal(new RemoveGroupMember(group.Id, clerk.Id), item.Change);
        Assert.Equal(ActionStatus.Planned, item.Action.Status);
        Assert.Equal($"direct member of group {group.Id}", item.Action.Before);
    }

    [Fact]
    public void An_exclusion_through_a_policy_is_alert_only()
    {
        var t = new TenantBuilder();
        var listed = t.User("listed");
        var group = t.Group("CA-Exclude");
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id).ExcludeUsers(listed.Id));
        var config = Configs.WithServiceAccounts(group.Id).Remediating();

        Assert.Single(t.Evaluate(config).Of("unexpected-exclusion"));
        Assert.Empty(Plan(t.Build(), config).Items);
    }

    [Fact]
    public void A_watched_policy_without_the_exclusion_group_gets_it_added_to_the_whole_array()
    {
        var t = new TenantBuilder();
        var group = t.Group("CA-Exclude");
        var other = t.Group("Pilot exclusions");
        var policy = t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(other.Id));

        var item = Plan(t.Build(), Configs.WithServiceAccounts(group.Id).Remediating()).Single();

        var change = Assert.IsType<AddExcludedGroup>(item.Change);
        Assert.Equal([other.Id, group.Id], change.ExcludeGroups);
        Assert.Equal(policy.Id, item.Action.TargetId);
        Assert.Equal($"excludeGroups: [{other.Id}]", item.Action.Before);
    }

    [Theory]
    [InlineData(PolicyState.Disabled, "state: disabled")]
    [InlineData(PolicyState.EnabledForReportingButNotEnforced, "state: enabledForReportingButNotEnforced")]
    public void A_watched_policy_that_is_not_enabled_is_enabled(PolicyState state, string before)
    {
        var t = new TenantBuilder();
        var policy = t.Policy(Policies.ForAllUsers("CA001").WithState(state));

        var item = Plan(t.Build(), Configs.Default.Remediating()).Single();

        Assert.Equal(new EnablePolicy(policy.Id), item.Change);
        Assert.Equal(before, item.Action.Before);
        Assert.Equal(Severity.Critical, item.Severity);
    }

    [Fact]
    public void A_missing_watched_policy_is_restored()
    {
        var t = new TenantBuilder();
        const string deletedId = "dead0000-0000-4000-8000-000000000001";
        var config = Configs.Default with { WatchedPolicyIds = [deletedId] };

        var item = Plan(t.Build(), config.Remediating()).Single();

        Assert.Equal(new RestorePolicy(deletedId), item.Change);
        Assert.Equal(ActionStatus.Planned, item.Action.Status);
    }

    [Fact]
    public void An_admin_whose_role_the_role_targeted_policy_lacks_gets_the_role_added()
    {
        var t = new TenantBuilder();
        var exchange = t.User("exchange");
        t.Assign(exchange, Roles.ExchangeAdministrator);
        var policy = t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));

        var item = Plan(t.Build(), Configs.Default.Remediating()).Single();

        Assert.Equal("admin-not-covered", item.Action.RuleId);
        var change = Assert.IsType<AddIncludedRoles>(item.Change);
        Assert.Equal(policy.Id, change.PolicyId);
        Assert.Equal([Roles.GlobalAdministrator, Roles.ExchangeAdministrator], change.IncludeRoles);
        Assert.Equal("add Exchange Administrator to includeRoles of 'CA001' (for exchange@contoso.example)", item.Action.Detail);
        Assert.Equal($"includeRoles: [{Roles.GlobalAdministrator}]", item.Action.Before);
    }

    [Fact]
    public void Roles_missing_from_one_policy_are_added_in_one_write_that_fixes_every_admin()
    {
        var t = new TenantBuilder();
        var exchange1 = t.User("exchange1");
        var exchange2 = t.User("exchange2");
        var users = t.User("users");
        t.Assign(exchange1, Roles.ExchangeAdministrator);
        t.Assign(exchange2, Roles.ExchangeAdministrator);
        t.Assign(users, Roles.UserAdministrator);
        t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));
        var config = Configs.Default.Remediating();

        var item = Plan(t.Build(), config).Single();

        var change = Assert.IsType<AddIncludedRoles>(item.Change);
        Assert.Equal([Roles.ExchangeAdministrator, Roles.UserAdministrator], change.AddedRoles);
        Assert.Equal([Roles.GlobalAdministrator, Roles.ExchangeAdministrator, Roles.UserAdministrator], change.IncludeRoles);
        Assert.Equal(t.Evaluate(config).Of("admin-not-covered").Select(f => f.Fingerprint).Order(StringComparer.Ordinal), item.Fingerprints);
    }

    [Fact]
    public void An_admin_not_covered_for_another_cause_is_alert_only()
    {
        var t = new TenantBuilder();
        var excluded = t.User("excluded");
        var scoped = t.User("scoped");
        var eligible = t.User("eligible");
        t.Assign(excluded, Roles.GlobalAdministrator);
        t.Assign(scoped, Roles.UserAdministrator, "/administrativeUnits/3f1c0000-0000-0000-0000-000000000001");
        t.Eligible(eligible, Roles.ExchangeAdministrator);
        var helpers = t.Group("Helpers", excluded);
        t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(helpers.Id));
        var config = Configs.Default.Remediating(rules: "admin-not-covered");

        Assert.Equal(3, t.Evaluate(config).Of("admin-not-covered").Count);
        Assert.Empty(Plan(t.Build(), config).Items);
    }

    [Fact]
    public void A_role_is_added_only_to_a_policy_that_would_then_enforce_mfa()
    {
        var t = new TenantBuilder();
        var exchange = t.User("exchange");
        t.Assign(exchange, Roles.ExchangeAdministrator);
        t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(PolicyState.EnabledForReportingButNotEnforced));
        t.Policy(Policies.RequireMfa("CA002", Roles.SecurityAdministrator).Grant("OR", "mfa", "compliantDevice"));
        var config = Configs.Default.Remediating(rules: "admin-not-covered");

        Assert.Single(t.Evaluate(config).Of("admin-not-covered"));
        Assert.Empty(Plan(t.Build(), config).Items);
    }

    [Fact]
    public void Rules_in_alert_mode_plan_nothing()
    {
        var t = new TenantBuilder();
        t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled));

        Assert.Empty(Plan(t.Build(), Configs.Default).Items);
        Assert.Empty(Plan(t.Build(), Configs.Default.Remediating(rules: "service-account-not-excluded")).Items);
    }

    [Fact]
    public void Actions_are_ordered_by_severity_then_rule()
    {
        var t = new TenantBuilder();
        var svc = t.User("svc-a");
        var clerk = t.User("clerk");
        var group = t.Group("CA-Exclude", clerk);
        t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled));
        var config = Configs.WithServiceAccounts(group.Id, ids: [svc.Id]).Remediating();

        var plan = Plan(t.Build(), config);

        Assert.Equal(
            [("policy-not-enabled", Severity.Critical), ("exclusion-group-not-excluded", Severity.High),
             ("service-account-not-excluded", Severity.Medium), ("unexpected-exclusion", Severity.Medium)],
            plan.Items.Select(i => (i.Action.RuleId, i.Severity)));
        Assert.Equal(plan.Actions, Plan(t.Build(), config).Actions);
    }

    [Fact]
    public async Task Once_the_fixes_are_written_a_new_scan_plans_nothing()
    {
        var t = new TenantBuilder();
        var svc = t.User("svc-a");
        var clerk = t.User("clerk");
        var exchange = t.User("exchange");
        t.Assign(exchange, Roles.ExchangeAdministrator);
        var group = t.Group("CA-Exclude", clerk);
        t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(group.Id));
        t.Policy(Policies.ForAllUsers("CA002").WithState(PolicyState.Disabled));
        var config = Configs.WithServiceAccounts(group.Id, ids: [svc.Id]).Remediating();
        var directory = new InMemoryDirectory(t.Build());

        var first = await Executor(directory).ExecuteAsync(Plan(directory.Snapshot, config), dryRun: false, CancellationToken.None);
        var writes = directory.Writes.Count;
        var second = Plan(directory.Snapshot, config);

        Assert.All(first.Actions, a => Assert.Equal(ActionStatus.Applied, a.Status));
        Assert.Equal(5, writes);
        Assert.Empty(second.Items);
        Assert.Empty(ScanEvaluator.Evaluate(directory.Snapshot, config, TenantBuilder.Now).Findings);
    }
}
