using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules;

/// <summary>Everything a rule may look at: the tenant, the configuration, and each admin's evaluated coverage.</summary>
public sealed class RuleContext(
    TenantDirectory directory,
    WatchdogConfig config,
    ExpectedExclusions expected,
    IReadOnlyList<WatchedPolicy> watchedPolicies,
    IReadOnlyList<AdminCoverage> admins,
    DateTimeOffset now)
{
    private readonly Dictionary<string, AdminCoverage> _adminsById =
        admins.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

    public TenantDirectory Directory { get; } = directory;
    public WatchdogConfig Config { get; } = config;
    public ExpectedExclusions Expected { get; } = expected;
    public IReadOnlyList<WatchedPolicy> WatchedPolicies { get; } = watchedPolicies;
    public IReadOnlyList<AdminCoverage> Admins { get; } = admins;
    public DateTimeOffset Now { get; } = now;

    /// <summary>The watched policies that exist, with their definitions.</summary>
    public IEnumerable<ConditionalAccessPolicy> ExistingWatchedPolicies => WatchedPolicies.Select(w => w.Policy).OfType<ConditionalAccessPolicy>();

    public AdminCoverage? FindAdmin(string userId) => _adminsById.GetValueOrDefault(userId);

    /// <summary>A finding about an admin's coverage: the subject is the admin, the reasons are the coverage's.</summary>
    public Finding AdminFinding(RuleMetadata rule, AdminCoverage admin, string predicate)
    {
        var name = admin.UserPrincipalName ?? admin.Id;
        return NewFinding(rule, SubjectType.User, admin.Id, name, null, $"{name} ({AdminRoles.Describe(admin)}) {predicate}", admin.Reasons);
    }

    public Finding NewFinding(
        RuleMetadata rule, SubjectType subjectType, string subjectId, string subjectName, string? policyId,
        string summary, IReadOnlyList<string> reasons, Severity? severity = null) =>
        new(rule.Id, severity ?? rule.Severity, subjectType, subjectId, subjectName, policyId, summary, reasons,
            FindingFingerprint.Compute(Directory.TenantId, rule.Id, subjectId, policyId));
}
