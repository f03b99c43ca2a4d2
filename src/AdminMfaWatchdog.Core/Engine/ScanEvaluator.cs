using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Rules;

namespace AdminMfaWatchdog.Core.Engine;

/// <param name="Exclusions">expected vs actual exclusions, for the report page (not part of the JSON contract).</param>
public sealed record Evaluation(IReadOnlyList<AdminCoverage> Admins, IReadOnlyList<Finding> Findings, ExclusionReview Exclusions);

/// <summary>From a complete tenant read to each admin's coverage and every rule's findings. Pure.</summary>
public static class ScanEvaluator
{
    /// <exception cref="Json.InvalidInputException">the configuration names objects the tenant does not have.</exception>
    public static Evaluation Evaluate(TenantSnapshot snapshot, WatchdogConfig config, DateTimeOffset now)
    {
        var directory = new TenantDirectory(snapshot);
        var expected = new ExpectedExclusions(config, directory);
        var privileged = PrivilegedRoles.TemplateIds(config.PrivilegedRoles, directory);
        var watched = WatchedPolicies.Resolve(config, directory, privileged);
        var evaluator = new CoverageEvaluator(directory, expected,
            watched.Select(w => w.Id).ToHashSet(StringComparer.OrdinalIgnoreCase), now);
        var universe = AdminUniverse.Find(directory, privileged, now);
        directory.PrepareMemberships(universe.Select(a => a.User.Id).Concat(expected.BreakGlassIds));
        var admins = universe.Select(evaluator.Evaluate).ToArray();

        var context = new RuleContext(directory, config, expected, watched, admins, now);
        var findings = RuleCatalog.All
            .Where(rule => config.Remediation.ModeFor(rule.Metadata.Id) != RuleMode.Off)
            .SelectMany(rule => rule.Detect(context))
            .DistinctBy(f => f.Fingerprint)
            .OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.SubjectName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.PolicyId, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToArray();
        return new Evaluation(admins, findings, ExclusionReview.Build(directory, expected, watched, now));
    }
}
