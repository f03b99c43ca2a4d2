using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

/// <summary>Batches for the channel and outbox tests.</summary>
internal static class AlertTestKit
{
    /// <summary>A display name that tries markdown formatting, a markdown link, an auto-link, HTML and script.</summary>
    public const string HostileName = "**Boss** [click](https://evil.example/x) <b>bold</b> <script>alert('x')</script> _i_ & \"q\"\n- item";

    public static HttpClient Http() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>One item of each kind, most of them on findings.</summary>
    public static AlertBatch Mixed(string scanId = "scan-1", string name = "Alice Admin")
    {
        var alice = Finding("alice", Severity.Critical, name: name);
        var svc = Finding("svc-1", Severity.High, "service-account-not-excluded", name: "svc-backup");
        var group = Finding("group-1", Severity.Medium, "unexpected-exclusion", SubjectType.Group, "Exclusion group");
        var policy = Finding("policy-1", Severity.Critical, "policy-not-enabled", SubjectType.Policy, "CA001 Require MFA for admins", policyId: "policy-1");
        var actions = new[]
        {
            new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Applied, "state set to enabled"),
            new RemediationAction("service-account-not-excluded", "addGroupMember", "svc-1", ActionStatus.Failed, "read back: not a member"),
        };
        var report = Report(scanId, complete: false, findings: [alice, svc, group], actions: actions, error: "Graph answered 503 for /roleManagement");
        var transitions = new[]
        {
            Transition(TransitionKind.Opened, alice), Transition(TransitionKind.Reopened, svc), Transition(TransitionKind.Resolved, group),
            Transition(TransitionKind.Remediated, policy),
        };
        return AlertBatchBuilder.FromScan(report, transitions, Severity.Low)!;
    }

    public static AlertBatch Opened(int count, string scanId = "scan-1", string namePrefix = "Admin") =>
        AlertBatchBuilder.FromScan(Report(scanId), ManyOpened(count, namePrefix), Severity.Low)!;
}
