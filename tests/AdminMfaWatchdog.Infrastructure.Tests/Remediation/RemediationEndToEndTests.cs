using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;
using GraphSimulator.Faults;

namespace AdminMfaWatchdog.Infrastructure.Tests.Remediation;

/// <summary>
/// Issue 5's acceptance against the Graph simulator over HTTP: plan, write through the SDK, read back,
/// then scan the tenant afresh.
/// </summary>
public sealed class RemediationEndToEndTests
{
    private readonly RemediationTenants _tenant = new();

    public static TheoryData<string> Rules => new(RemediationTenants.RemediableRules);

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_remediable_rule_is_fixed_by_one_run_and_the_next_scan_finds_nothing_for_it(string ruleId)
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating([ruleId]));
        Assert.Single((await run.ScanAsync()).Of(ruleId));

        var outcome = await run.RunAsync();

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Applied, action.Status);
        Assert.NotEqual(action.Before, action.After);
        Assert.Single(outcome.FixedFingerprints);
        Assert.Empty((await run.ScanAsync()).Of(ruleId));
    }

    [Fact]
    public async Task One_run_fixes_everything_and_a_second_run_changes_nothing()
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating(RemediationTenants.RemediableRules));

        var first = await run.RunAsync();
        var writesOfFirstRun = run.Writes();
        var second = await run.RunAsync();

        Assert.Equal(6, first.Actions.Count);
        Assert.All(first.Actions, a => Assert.Equal(ActionStatus.Applied, a.Status));
        Assert.Equal(6, writesOfFirstRun);
        Assert.Empty((await run.ScanAsync()).Findings);
        Assert.Empty(second.Actions);
        Assert.Equal(writesOfFirstRun, run.Writes());
    }

    [Fact]
    public async Task A_policy_whose_enabling_would_apply_to_a_break_glass_account_is_untouched_and_blocked()
    {
        var t = new TenantBuilder();
        var breakGlass = t.User("bg01");
        var policy = t.Policy(Policies.ForAllUsers("CA001").WithState(Core.ConditionalAccess.PolicyState.Disabled));
        var config = Configs.Default with { BreakGlassAccounts = [breakGlass.Id], WatchedPolicyIds = [policy.Id] };
        await using var run = await LiveRemediation.StartAsync(t.Build(), config with
        {
            Remediation = new Core.Configuration.RemediationSettings(Core.Configuration.RuleMode.Remediate, new Dictionary<string, Core.Configuration.RuleMode>(), 5),
        });

        var outcome = await run.RunAsync();

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Blocked, action.Status);
        Assert.Contains("would then apply to break-glass account bg01@contoso.example", action.Detail);
        Assert.Equal(0, run.Writes());
        Assert.Single((await run.ScanAsync()).Of("policy-not-enabled"));
    }

    [Fact]
    public async Task A_refused_write_is_failed()
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating(["service-account-not-excluded"]));
        run.Live.Simulator.Faults.Add(new FaultRule { Method = "POST", PathPrefix = $"/groups/{_tenant.ExclusionGroup.Id}/members", Status = 403 });

        var action = Assert.Single((await run.RunAsync()).Actions);

        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("failed: the write was refused", action.Detail);
        Assert.Contains("HTTP 403 Authorization_RequestDenied", action.Detail);
        Assert.Single((await run.ScanAsync()).Of("service-account-not-excluded"));
    }

    [Fact]
    public async Task A_write_failing_with_5xx_beyond_the_retries_is_failed()
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating(["policy-not-enabled"]));
        run.Live.Simulator.Faults.Add(new FaultRule { Method = "PATCH", PathPrefix = "/identity/conditionalAccess/policies", Status = 500, Times = 10 });

        var action = Assert.Single((await run.RunAsync()).Actions);

        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("HTTP 500", action.Detail);
    }

    [Fact]
    public async Task A_write_that_does_not_stick_is_failed()
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating(["exclusion-group-not-excluded"]));
        run.Live.Simulator.Faults.Add(FaultRule.NotApplied("PATCH", "/identity/conditionalAccess/policies"));

        var outcome = await run.RunAsync();

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("the change did not stick", action.Detail);
        Assert.Equal("excludeGroups: []", action.After);
        Assert.Empty(outcome.FixedFingerprints);
    }

    [Fact]
    public async Task With_max_two_actions_and_five_fixes_due_two_are_applied_and_three_skipped()
    {
        var rules = RemediationTenants.RemediableRules.Where(r => r != "admin-not-covered");
        await using var run = await _tenant.StartAsync(_tenant.Remediating(rules, maxActionsPerRun: 2));

        var outcome = await run.RunAsync();

        Assert.Equal([ActionStatus.Applied, ActionStatus.Applied, ActionStatus.Skipped, ActionStatus.Skipped, ActionStatus.Skipped],
            outcome.Actions.Select(a => a.Status));
        Assert.Equal(["policy-missing", "policy-not-enabled"], outcome.Actions.Take(2).Select(a => a.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.Writes());
    }

    [Fact]
    public async Task A_dry_run_plans_every_fix_and_writes_nothing()
    {
        await using var run = await _tenant.StartAsync(_tenant.Remediating(RemediationTenants.RemediableRules));

        var outcome = await run.RunAsync(dryRun: true);

        Assert.Equal(6, outcome.Actions.Count);
        Assert.All(outcome.Actions, a => Assert.Equal(ActionStatus.Planned, a.Status));
        Assert.Equal(0, run.Writes());
        Assert.Equal(6, (await run.ScanAsync()).Findings.Count);
    }
}
