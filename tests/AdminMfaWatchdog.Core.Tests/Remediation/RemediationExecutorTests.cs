using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Core.Tests.Kit;
using static AdminMfaWatchdog.Core.Tests.Remediation.RemediationKit;

namespace AdminMfaWatchdog.Core.Tests.Remediation;

/// <summary>Write, then read back: applied only when the directory shows the change.</summary>
public sealed class RemediationExecutorTests
{
    private readonly TenantBuilder _t = new();
    private readonly ConditionalAccessPolicy _policy;
    private readonly TenantSnapshot _snapshot;
    private readonly WatchdogConfig _config = Configs.Default.Remediating();

    public RemediationExecutorTests()
    {
        _policy = _t.Policy(Policies.ForAllUsers("CA001").WithState(PolicyState.Disabled));
        _snapshot = _t.Build();
    }

    [Fact]
    public async Task A_write_that_reads_back_is_applied_with_before_and_after_and_fixes_its_finding()
    {
        var directory = new InMemoryDirectory(_snapshot);
        var plan = Plan(_snapshot, _config);

        var outcome = await Executor(directory).ExecuteAsync(plan, dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(new RemediationAction("policy-not-enabled", "enablePolicy", _policy.Id, ActionStatus.Applied,
            "set the state of 'CA001' to enabled: applied and read back") { Before = "state: disabled", After = "state: enabled" }, action);
        Assert.Equal(plan.Single().Fingerprints, outcome.FixedFingerprints.Order(StringComparer.Ordinal));
        Assert.Equal([$"state {_policy.Id}"], directory.Writes);
    }

    [Fact]
    public async Task A_refused_write_is_failed_with_the_reason()
    {
        var directory = new InMemoryDirectory(_snapshot) { Refusal = new DirectoryWriteException("HTTP 403 Authorization_RequestDenied: Insufficient privileges", 403) };

        var outcome = await Executor(directory).ExecuteAsync(Plan(_snapshot, _config), dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.EndsWith("failed: the write was refused: HTTP 403 Authorization_RequestDenied: Insufficient privileges", action.Detail);
        Assert.Null(action.After);
        Assert.Empty(outcome.FixedFingerprints);
    }

    [Fact]
    public async Task A_write_that_does_not_stick_is_failed_with_what_the_read_back_shows()
    {
        var directory = new InMemoryDirectory(_snapshot) { WritesStick = false };

        var outcome = await Executor(directory).ExecuteAsync(Plan(_snapshot, _config), dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.EndsWith("failed: written, but the change did not stick: the read-back shows state: disabled", action.Detail);
        Assert.Equal("state: disabled", action.After);
        Assert.Equal(3, directory.ReadBacks);
        Assert.Empty(outcome.FixedFingerprints);
    }

    [Fact]
    public async Task A_write_that_shows_after_replication_lag_is_applied()
    {
        var directory = new InMemoryDirectory(_snapshot) { LaggingReads = 2 };

        var outcome = await Executor(directory).ExecuteAsync(Plan(_snapshot, _config), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionStatus.Applied, Assert.Single(outcome.Actions).Status);
        Assert.Equal(3, directory.ReadBacks);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_leaves_every_action_planned()
    {
        var directory = new InMemoryDirectory(_snapshot);
        var plan = Plan(_snapshot, _config);

        var outcome = await Executor(directory).ExecuteAsync(plan, dryRun: true, CancellationToken.None);

        Assert.Equal(plan.Actions, outcome.Actions);
        Assert.All(outcome.Actions, a => Assert.Equal(ActionStatus.Planned, a.Status));
        Assert.Empty(directory.Writes);
        Assert.Equal(0, directory.ReadBacks);
        Assert.Empty(outcome.FixedFingerprints);
    }

    [Fact]
    public async Task Skipped_and_blocked_actions_are_never_written()
    {
        var t = new TenantBuilder();
        var group = t.DynamicGroup("CA-Exclude");
        t.User("svc-1");
        t.User("svc-2");
        t.Policy(Policies.ForAllUsers("CA001").ExcludeGroups(group.Id).WithState(PolicyState.Disabled));
        var config = Configs.WithServiceAccounts(group.Id).Remediating(maxActionsPerRun: 0);
        var directory = new InMemoryDirectory(t.Build());

        var outcome = await Executor(directory).ExecuteAsync(Plan(directory.Snapshot, config), dryRun: false, CancellationToken.None);

        Assert.Equal([ActionStatus.Skipped, ActionStatus.Blocked, ActionStatus.Blocked], outcome.Actions.Select(a => a.Status));
        Assert.Empty(directory.Writes);
    }

    [Fact]
    public async Task A_deleted_policy_is_restored_and_read_back_from_the_policy_list()
    {
        var deleted = Policies.ForAllUsers("CA009");
        var config = (Configs.Default with { WatchedPolicyIds = [deleted.Id] }).Remediating();
        var directory = new InMemoryDirectory(TenantSnapshot.Empty(TenantBuilder.TenantId));
        directory.DeletedPolicies.Add(deleted);

        var outcome = await Executor(directory).ExecuteAsync(Plan(directory.Snapshot, config), dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Applied, action.Status);
        Assert.Equal("the policy does not exist", action.Before);
        Assert.Equal("restored: 'CA009', state: enabled", action.After);
        Assert.Empty(ScanEvaluator.Evaluate(directory.Snapshot, config, TenantBuilder.Now).Findings);
    }

    [Fact]
    public async Task A_policy_gone_from_deleted_items_is_failed_without_a_write()
    {
        var config = (Configs.Default with { WatchedPolicyIds = ["dead0000-0000-4000-8000-000000000001"] }).Remediating();
        var directory = new InMemoryDirectory(TenantSnapshot.Empty(TenantBuilder.TenantId));

        var outcome = await Executor(directory).ExecuteAsync(Plan(directory.Snapshot, config), dryRun: false, CancellationToken.None);

        var action = Assert.Single(outcome.Actions);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("not in deleted items", action.Detail);
        Assert.Empty(directory.Writes);
    }
}
