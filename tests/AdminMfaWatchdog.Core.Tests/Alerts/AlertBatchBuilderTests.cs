using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;

namespace AdminMfaWatchdog.Core.Tests.Alerts;

public sealed class AlertBatchBuilderTests
{
    [Fact]
    public void A_complete_scan_without_transitions_or_failed_actions_makes_no_batch()
    {
        var report = Report(findings: [Finding("alice")], actions: [new RemediationAction("admin-not-covered", "addRole", "alice", ActionStatus.Applied, "done")]);

        Assert.Null(AlertBatchBuilder.FromScan(report, [], Severity.Low));
    }

    [Fact]
    public void Each_transition_becomes_an_item_with_rule_subject_reasons_and_link()
    {
        var alice = Finding("alice", Severity.Critical, name: "Alice Admin");

        var batch = AlertBatchBuilder.FromScan(Report(findings: [alice]), [Transition(TransitionKind.Opened, alice)], Severity.Medium)!;

        Assert.Equal(("scan-1", AlertBatchKind.Changes, Tenant, "scan-1", Monday.AddSeconds(5), true, (string?)null),
            (batch.BatchId, batch.Kind, batch.TenantId, batch.ScanId, batch.ScanTime, batch.Complete, batch.Error));
        var item = Assert.Single(batch.Items);
        Assert.Equal(AlertKind.Opened, item.Kind);
        Assert.Equal(Severity.Critical, item.Severity);
        Assert.Equal(("admin-not-covered", "Administrator not forced through MFA"), (item.RuleId, item.RuleTitle));
        Assert.Equal(new AlertSubject(SubjectType.User, "alice", "Alice Admin"), item.Subject);
        Assert.Equal("Alice Admin can sign in without MFA", item.Summary);
        Assert.Equal(["not targeted by any watched policy", "no other policy requires MFA", "third reason"], item.Reasons);
        Assert.Null(item.Action);
        Assert.Equal("https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/alice", item.Link);
    }

    [Fact]
    public void Transition_kinds_map_to_alert_kinds()
    {
        var transitions = new[] { TransitionKind.Opened, TransitionKind.Reopened, TransitionKind.Resolved, TransitionKind.Remediated }
            .Select((kind, i) => Transition(kind, Finding($"user-{i}")))
            .ToList();

        var batch = AlertBatchBuilder.FromScan(Report(), transitions, Severity.Low)!;

        Assert.Equal([AlertKind.Opened, AlertKind.Reopened, AlertKind.Remediated, AlertKind.Resolved], batch.Items.Select(item => item.Kind));
    }

    [Fact]
    public void The_action_of_this_run_on_the_subject_is_attached()
    {
        var policy = Finding("policy-1", Severity.Critical, "policy-not-enabled", SubjectType.Policy, "CA001", policyId: "policy-1");
        var action = new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Applied, "state set to enabled");

        var batch = AlertBatchBuilder.FromScan(Report(actions: [action]), [Transition(TransitionKind.Remediated, policy)], Severity.Medium)!;

        var item = Assert.Single(batch.Items);
        Assert.Equal((AlertKind.Remediated, new AlertAction("setPolicyState", ActionStatus.Applied, "state set to enabled")), (item.Kind, item.Action));
        Assert.Equal("https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/policy-1", item.Link);
    }

    [Fact]
    public void Failed_and_blocked_actions_are_items_of_their_own_with_their_findings_subject()
    {
        var svc = Finding("svc-1", Severity.High, "service-account-not-excluded", name: "svc-backup");
        var policy = Finding("policy-1", Severity.Critical, "policy-not-enabled", SubjectType.Policy, "CA001", policyId: "policy-1");
        var failed = new RemediationAction("service-account-not-excluded", "addGroupMember", "svc-1", ActionStatus.Failed, "read back: not a member");
        var blocked = new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Blocked, "would apply to break-glass account bg1");

        var batch = AlertBatchBuilder.FromScan(Report(findings: [svc, policy], actions: [failed, blocked]), [], Severity.Medium)!;

        Assert.Equal([(AlertKind.ActionBlocked, Severity.Critical, "CA001"), (AlertKind.ActionFailed, Severity.High, "svc-backup")],
            batch.Items.Select(item => (item.Kind, item.Severity, item.Subject!.Name)));
        Assert.Equal("setPolicyState was blocked: would apply to break-glass account bg1", batch.Items[0].Summary);
        Assert.Equal(ActionStatus.Failed, batch.Items[1].Action!.Status);
    }

    [Fact]
    public void An_action_whose_finding_the_scan_does_not_know_names_its_target()
    {
        var failed = new RemediationAction("policy-missing", "restorePolicy", "policy-9", ActionStatus.Failed, "404");

        var item = Assert.Single(AlertBatchBuilder.FromScan(Report(actions: [failed]), [], Severity.Critical)!.Items);

        Assert.Equal((AlertKind.ActionFailed, (AlertSubject?)null, (string?)null), (item.Kind, item.Subject, item.Link));
        Assert.Equal("restorePolicy on policy-9 failed: 404", item.Summary);
    }

    [Fact]
    public void An_incomplete_scan_says_so_with_its_error_first()
    {
        var alice = Finding("alice", Severity.Critical);

        var batch = AlertBatchBuilder.FromScan(Report(complete: false, error: "Graph answered 503", findings: [alice]),
            [Transition(TransitionKind.Opened, alice)], Severity.Critical)!;

        Assert.False(batch.Complete);
        Assert.Equal("Graph answered 503", batch.Error);
        Assert.Equal([AlertKind.Opened, AlertKind.ScanIncomplete], batch.Items.Select(item => item.Kind)); // critical first, then high
        Assert.Equal(["Graph answered 503"], batch.Items[1].Reasons);
    }

    [Fact]
    public void Items_are_ordered_by_severity_then_kind_then_rule_and_subject()
    {
        var transitions = new[]
        {
            Transition(TransitionKind.Resolved, Finding("u1", Severity.High, name: "Zed")),
            Transition(TransitionKind.Opened, Finding("u2", Severity.Medium, name: "Amy")),
            Transition(TransitionKind.Opened, Finding("u3", Severity.High, name: "Bob")),
            Transition(TransitionKind.Opened, Finding("u4", Severity.Critical, name: "Cat")),
            Transition(TransitionKind.Opened, Finding("u5", Severity.High, name: "Al")),
        };

        var batch = AlertBatchBuilder.FromScan(Report(), transitions, Severity.Low)!;

        Assert.Equal(["Cat", "Al", "Bob", "Zed", "Amy"], batch.Items.Select(item => item.Subject!.Name));
    }

    [Fact]
    public void The_digest_lists_open_entries_above_the_minimum_under_a_daily_id()
    {
        var entries = new[]
        {
            Entry(Finding("alice", Severity.Critical)),
            Entry(Finding("bob", Severity.Low)),
            Entry(Finding("carol", Severity.High), FindingStatus.Resolved),
        };

        var digest = AlertBatchBuilder.Digest(Tenant, "scan-7", Monday.AddHours(15), entries, Severity.Medium)!;

        Assert.Equal(("digest-2026-11-23", AlertBatchKind.Digest, "scan-7"), (digest.BatchId, digest.Kind, digest.ScanId));
        var item = Assert.Single(digest.Items);
        Assert.Equal((AlertKind.StillOpen, "alice"), (item.Kind, item.Subject!.Id));
        Assert.Null(AlertBatchBuilder.Digest(Tenant, "scan-7", Monday, [entries[1]], Severity.Medium));
    }

    [Theory]
    [InlineData(SubjectType.User, "https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/a%2Fb%29%28")]
    [InlineData(SubjectType.Group, "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/a%2Fb%29%28")]
    [InlineData(SubjectType.Policy, "https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/a%2Fb%29%28")]
    public void Links_escape_the_id_so_it_cannot_change_where_they_point(SubjectType type, string expected) =>
        Assert.Equal(expected, EntraAdminCenter.LinkFor(type, "a/b)("));
}
