using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Remediation.Guardrails;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>
/// From a scan's findings to the writes that fix them, for the rules whose mode is <c>remediate</c>,
/// inside the guardrails of DESIGN.md: complete scans only, configured objects only, no dynamic group,
/// no policy made to apply to a break-glass account, at most <c>maxActionsPerRun</c> writes. Pure:
/// the same scan gives the same plan, and a scan after the fix gives none (the finding is gone).
/// </summary>
public static class RemediationPlanner
{
    /// <param name="scanComplete">false when any read failed: then nothing is planned, since a partial read can make a fix look due that is not.</param>
    public static RemediationPlan Plan(Evaluation evaluation, TenantSnapshot snapshot, WatchdogConfig config, bool scanComplete)
    {
        if (!scanComplete) return RemediationPlan.Empty;
        var remediable = evaluation.Findings.Where(f => config.Remediation.ModeFor(f.RuleId) == RuleMode.Remediate).ToArray();
        if (remediable.Length == 0) return RemediationPlan.Empty;

        var tenant = new RemediationTenant(snapshot, config);
        var breakGlass = new BreakGlassGuard(tenant);
        IChangeGuard[] guards = [new ConfiguredObjectsGuard(tenant), new DynamicGroupGuard(tenant), breakGlass];

        var proposals = SameWrites(remediable.Select(f => RuleFixes.For(f, tenant)).OfType<Proposal>())
            .Select(p => p.BlockedReason is null ? p with { BlockedReason = guards.Select(g => g.Refuse(p.Change)).FirstOrDefault(r => r is not null) } : p);
        var items = CombineRoleAdditions(proposals, tenant)
            .Select(p => ToItem(p, tenant))
            .OrderByDescending(i => i.Severity)
            .ThenBy(i => i.Action.RuleId, StringComparer.Ordinal)
            .ThenBy(i => i.Action.TargetId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Action.Kind, StringComparer.Ordinal)
            .ToArray();
        return new RemediationPlan(WriteBudget.Apply(items, config.Remediation.MaxActionsPerRun), breakGlass);
    }

    /// <summary>Several admins missing the same role from the same policy need one write, not one each.</summary>
    private static IEnumerable<Proposal> SameWrites(IEnumerable<Proposal> proposals) =>
        proposals
            .GroupBy(p => p.Change is AddIncludedRoles add ? $"{add.PolicyId}|{add.AddedRoles[0]}".ToLowerInvariant() : p.Findings[0].Fingerprint)
            .Select(g => g.First() with { Findings = g.SelectMany(p => p.Findings).ToArray() });

    /// <summary>
    /// The roles added to one policy go in one PATCH: each writes the whole includeRoles array, so two
    /// separate writes would undo each other. Each role passed the guardrails alone, and a policy that
    /// applies to nobody new through any one role applies to nobody new through all of them.
    /// </summary>
    private static IEnumerable<Proposal> CombineRoleAdditions(IEnumerable<Proposal> proposals, RemediationTenant tenant)
    {
        var all = proposals.ToArray();
        static bool IsRoleAddition(Proposal p) => p is { Change: AddIncludedRoles, BlockedReason: null };
        var combined = all.Where(IsRoleAddition).GroupBy(p => ((AddIncludedRoles)p.Change).PolicyId, StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var policy = tenant.FindPolicy(g.Key)!;
            var roles = g.SelectMany(p => ((AddIncludedRoles)p.Change).AddedRoles).Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase).ToArray();
            return new Proposal(g.SelectMany(p => p.Findings).ToArray(), new AddIncludedRoles(policy.Id, roles, [.. policy.Users.IncludeRoles, .. roles]));
        });
        return all.Where(p => !IsRoleAddition(p)).Concat(combined);
    }

    private static PlannedRemediation ToItem(Proposal proposal, RemediationTenant tenant)
    {
        var change = proposal.Change;
        var findings = proposal.Findings;
        var what = change.Describe(tenant);
        // A policy written for users' findings names them: the policy alone does not say whom it fixes.
        if (findings.Any(f => !string.Equals(f.SubjectId, change.TargetId, StringComparison.OrdinalIgnoreCase)))
            what += $" (for {string.Join(", ", findings.Select(f => f.SubjectName).Order(StringComparer.OrdinalIgnoreCase))})";
        var action = proposal.BlockedReason is { } reason
            ? new RemediationAction(findings[0].RuleId, change.Kind, change.TargetId, ActionStatus.Blocked, $"{what}: blocked: {reason}")
            : new RemediationAction(findings[0].RuleId, change.Kind, change.TargetId, ActionStatus.Planned, what);
        return new PlannedRemediation(action with { Before = change.DescribeBefore(tenant) }, change,
            findings.Max(f => f.Severity), findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal).ToArray());
    }
}
