using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;

namespace AdminMfaWatchdog.Core.Tests.Alerts;

public sealed class AlertSeverityTests
{
    [Fact]
    public void Transitions_below_the_minimum_are_left_out_resolutions_included()
    {
        var transitions = new[]
        {
            Transition(TransitionKind.Opened, Finding("low", Severity.Low)),
            Transition(TransitionKind.Opened, Finding("medium", Severity.Medium)),
            Transition(TransitionKind.Resolved, Finding("low-resolved", Severity.Low)),
            Transition(TransitionKind.Remediated, Finding("high-remediated", Severity.High)),
        };

        var batch = AlertBatchBuilder.FromScan(Report(), transitions, AlertSeverity.DefaultMinimum)!;

        Assert.Equal(["high-remediated", "medium"], batch.Items.Select(item => item.Subject!.Id));
    }

    [Fact]
    public void A_scan_with_only_changes_below_the_minimum_makes_no_batch() =>
        Assert.Null(AlertBatchBuilder.FromScan(Report(), [Transition(TransitionKind.Opened, Finding("low", Severity.Low))], Severity.Medium));

    [Fact]
    public void An_incomplete_scan_and_a_failed_action_always_pass_a_blocked_one_follows_its_severity()
    {
        var low = Finding("svc", Severity.Low, "unexpected-exclusion");
        var report = Report(complete: false, error: "timeout", findings: [low], actions:
        [
            new RemediationAction("unexpected-exclusion", "removeGroupMember", "svc", ActionStatus.Failed, "403"),
            new RemediationAction("unexpected-exclusion", "removeGroupMember", "svc", ActionStatus.Blocked, "guardrail"),
        ]);

        var batch = AlertBatchBuilder.FromScan(report, [], Severity.Critical)!;

        Assert.Equal([AlertKind.ScanIncomplete, AlertKind.ActionFailed], batch.Items.Select(item => item.Kind));
    }

    [Theory]
    [InlineData("critical", Severity.Critical)]
    [InlineData("High", Severity.High)]
    [InlineData("MEDIUM", Severity.Medium)]
    [InlineData("low", Severity.Low)]
    public void Severity_names_parse_in_any_case(string text, Severity expected)
    {
        Assert.True(AlertSeverity.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("severe")]
    [InlineData("high,low")]
    public void Anything_else_does_not_parse(string? text) => Assert.False(AlertSeverity.TryParse(text, out _));
}
