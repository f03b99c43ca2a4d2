using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Core.Remediation.Guardrails;
using AdminMfaWatchdog.Core.Tests.Kit;
using static AdminMfaWatchdog.Core.Tests.Remediation.RemediationKit;

namespace AdminMfaWatchdog.Core.Tests.Remediation;

/// <summary>DESIGN.md "Guardrails", one by one.</summary>
public sealed class GuardrailTests
{
    [Fact]
    public void An_incomplete_scan_plans_nothing()
    {
        var t = new TenantBuilder();
        t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled));

        Assert.Single(Plan(t.Build(), Configs.Default.Remediating()).Items);
        Assert.Same(RemediationPlan.Empty, Plan(t.Build(), Configs.Default.Remediating(), complete: false));
    }

    [Fact]
    public void Only_the_exclusion_group_and_watched_policies_may_be_written()
    {
        var t = new TenantBuilder();
        var user = t.User("someone");
        var exclusion = t.Group("CA-Exclude");
        var other = t.Group("Other");
        var watched = t.Policy(Policies.ForAllUsers("CA001"));
        var unwatched = t.Policy(Policies.ForAllUsers("CA002").Grant("OR", "compliantDevice"));
        var config = Configs.WithServiceAccounts(exclusion.Id) with { WatchedPolicyIds = [watched.Id, "dead0000-0000-4000-8000-000000000001"] };
        var guard = new ConfiguredObjectsGuard(new RemediationTenant(t.Build(), config));

        Assert.Null(guard.Refuse(new AddGroupMember(exclusion.Id, user.Id)));
        Assert.Null(guard.Refuse(new EnablePolicy(watched.Id)));
        Assert.Null(guard.Refuse(new RestorePolicy("dead0000-0000-4000-8000-000000000001")));
        Assert.Contains("not the configured exclusion group", guard.Refuse(new RemoveGroupMember(other.Id, user.Id)));
        Assert.Contains("'CA002' is not a watched policy", guard.Refuse(new EnablePolicy(unwatched.Id)));
        Assert.Contains("not listed in watchedPolicyIds", guard.Refuse(new RestorePolicy("dead0000-0000-4000-8000-000000000002")));
    }

    [Fact]
    public void A_dynamic_exclusion_group_is_never_written()
    {
        var t = new TenantBuilder();
        var svc = t.User("svc-backup");
        var group = t.DynamicGroup("CA-Exclude");
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id));

        var action = Plan(t.Build(), Configs.WithServiceAccounts(group.Id).Remediating()).Single().Action;

        Assert.Equal(ActionStatus.Blocked, action.Status);
        Assert.Contains("blocked: dynamic groups cannot be written", action.Detail);
    }

    [Fact]
    public void A_nested_member_cannot_be_removed_from_the_exclusion_group()
    {
        var t = new TenantBuilder();
        var nested = t.User("rahul");
        var both = t.User("markus");
        var team = t.Group("SG-IT-Automation", nested, both);
        var group = t.Group("CA-Exclude", team, both);
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id));

        var actions = Plan(t.Build(), Configs.WithServiceAccounts(group.Id).Remediating()).Actions;

        Assert.All(actions, a => Assert.Equal(ActionStatus.Blocked, a.Status));
        Assert.Contains("member only through rahul@contoso.example -> 'SG-IT-Automation' -> 'CA-Exclude', and Graph removes direct members only",
            actions.Single(a => a.TargetId == nested.Id).Detail);
        Assert.Contains("would stay in through markus@contoso.example -> 'SG-IT-Automation' -> 'CA-Exclude'",
            actions.Single(a => a.TargetId == both.Id).Detail);
    }

    [Fact]
    public void A_policy_is_not_enabled_when_it_would_then_apply_to_a_break_glass_account()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled));
        var config = Configs.Default with { BreakGlassAccounts = [breakGlass.Id] };

        var action = Plan(t.Build(), config.Remediating()).Single().Action;

        Assert.Equal(ActionStatus.Blocked, action.Status);
        Assert.Equal("set the state of 'CA001' to enabled: blocked: 'CA001' would then apply to break-glass account bg01@contoso.example: exclude the account from the policy first",
            action.Detail);
    }

    [Fact]
    public void A_policy_that_excludes_the_break_glass_account_is_enabled()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled).ExcludeUsers(breakGlass.Id));
        var config = Configs.Default with { BreakGlassAccounts = [breakGlass.Id] };

        Assert.Equal(ActionStatus.Planned, Plan(t.Build(), config.Remediating()).Single().Action.Status);
    }

    [Fact]
    public void A_role_is_not_added_when_a_break_glass_account_holds_it()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        var admin = t.User("ga");
        t.Assign(breakGlass, Roles.GlobalAdministrator);
        t.Assign(admin, Roles.GlobalAdministrator);
        t.Policy(Policies.RequireMfa("CA001", Roles.ExchangeAdministrator));
        var config = Configs.Default with { BreakGlassAccounts = [breakGlass.Id] };

        var item = Plan(t.Build(), config.Remediating()).Single();

        Assert.IsType<AddIncludedRoles>(item.Change);
        Assert.Equal(ActionStatus.Blocked, item.Action.Status);
        Assert.Contains("would then apply to break-glass account bg01@contoso.example", item.Action.Detail);
    }

    [Fact]
    public void A_change_to_a_policy_that_already_applies_to_a_break_glass_account_does_not_make_it_worse()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        var group = t.Group("CA-Exclude");
        t.Policy(Policies.ForAllUsers("CA001"));
        var config = Configs.WithServiceAccounts(group.Id) with { BreakGlassAccounts = [breakGlass.Id] };

        var item = Plan(t.Build(), config.Remediating()).Single();

        Assert.IsType<AddExcludedGroup>(item.Change);
        Assert.Equal(ActionStatus.Planned, item.Action.Status);
    }

    [Fact]
    public void At_most_max_actions_per_run_are_planned_the_rest_skipped_and_blocked_ones_take_no_slot()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        var svcs = Enumerable.Range(1, 4).Select(i => t.User($"svc-{i}")).ToArray();
        var group = t.Group("CA-Exclude");
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id).WithState(PolicyState.Disabled));
        var config = Configs.WithServiceAccounts(group.Id) with { BreakGlassAccounts = [breakGlass.Id] };

        var actions = Plan(t.Build(), config.Remediating(maxActionsPerRun: 2)).Actions;

        Assert.Equal([ActionStatus.Blocked, ActionStatus.Planned, ActionStatus.Planned, ActionStatus.Skipped, ActionStatus.Skipped],
            actions.Select(a => a.Status));
        Assert.EndsWith("skipped, maxActionsPerRun (2) reached; due again next run", actions[3].Detail);
        Assert.Equal([svcs[0].Id, svcs[1].Id], actions.Where(a => a.Status == ActionStatus.Planned).Select(a => a.TargetId));
    }

    [Fact]
    public async Task A_deleted_policy_that_would_apply_to_a_break_glass_account_is_not_restored()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        var deleted = Policies.ForAllUsers("CA009");
        var config = (Configs.Default with { WatchedPolicyIds = [deleted.Id], BreakGlassAccounts = [breakGlass.Id] }).Remediating();
        var directory = new InMemoryDirectory(t.Build());
        directory.DeletedPolicies.Add(deleted);

        var outcome = await Executor(directory).ExecuteAsync(Plan(directory.Snapshot, config), dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Blocked, action.Status);
        Assert.Contains("blocked: 'CA009' would then apply to break-glass account bg01@contoso.example", action.Detail);
        Assert.Empty(directory.Writes);
        Assert.Empty(outcome.FixedFingerprints);
    }
}
