using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.Remediation;

internal static class RemediationKit
{
    public static readonly string[] RemediableRules =
    [
        "admin-not-covered", "service-account-not-excluded", "unexpected-exclusion",
        "exclusion-group-not-excluded", "policy-not-enabled", "policy-missing",
    ];

    /// <summary>The configuration with the given rules (default: every remediable rule) set to remediate.</summary>
    public static WatchdogConfig Remediating(this WatchdogConfig config, int maxActionsPerRun = 20, params string[] rules) =>
        config with
        {
            Remediation = new RemediationSettings(RuleMode.Alert,
                (rules.Length == 0 ? RemediableRules : rules).ToDictionary(r => r, _ => RuleMode.Remediate), maxActionsPerRun),
        };

    public static RemediationPlan Plan(TenantSnapshot snapshot, WatchdogConfig config, bool complete = true) =>
        RemediationPlanner.Plan(ScanEvaluator.Evaluate(snapshot, config, TenantBuilder.Now), snapshot, config, complete);

    /// <summary>The one action of the plan, failing with the whole plan when there is not exactly one.</summary>
    public static PlannedRemediation Single(this RemediationPlan plan) =>
        plan.Items.Count == 1 ? plan.Items[0]
        : throw new Xunit.Sdk.XunitException($"expected one action, got {plan.Items.Count}: {string.Join(" | ", plan.Actions.Select(a => $"{a.Status} {a.Detail}"))}");

    public static RemediationExecutor Executor(InMemoryDirectory directory) =>
        new(directory, directory, new RemediationExecutorOptions { ReadBackDelay = TimeSpan.Zero });
}
