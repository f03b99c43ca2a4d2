using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>The tenant as remediation sees it: the directory, the expected exclusions and the objects it may write.</summary>
internal sealed class RemediationTenant
{
    private readonly Dictionary<string, ConditionalAccessPolicy> _policies;

    public RemediationTenant(TenantSnapshot snapshot, WatchdogConfig config)
    {
        Config = config;
        Directory = new TenantDirectory(snapshot);
        Expected = new ExpectedExclusions(config, Directory);
        PrivilegedRoleIds = PrivilegedRoles.TemplateIds(config.PrivilegedRoles, Directory);
        WatchedPolicyIds = WatchedPolicies.Resolve(config, Directory, PrivilegedRoleIds)
            .Select(w => w.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _policies = snapshot.ConditionalAccessPolicies.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    public WatchdogConfig Config { get; }
    public TenantDirectory Directory { get; }
    public ExpectedExclusions Expected { get; }
    public IReadOnlySet<string> PrivilegedRoleIds { get; }
    public IReadOnlySet<string> WatchedPolicyIds { get; }

    public ConditionalAccessPolicy? FindPolicy(string id) => _policies.GetValueOrDefault(id);

    /// <summary>The watched policies that exist, in the order the snapshot lists them.</summary>
    public IEnumerable<ConditionalAccessPolicy> ExistingWatchedPolicies =>
        Directory.Snapshot.ConditionalAccessPolicies.Where(p => WatchedPolicyIds.Contains(p.Id));

    public string UserLabel(string id) => Directory.FindUser(id)?.Label ?? id;

    public string PolicyLabel(string id) => FindPolicy(id)?.Label ?? id;

    public string RoleLabel(string templateId) => Directory.ResolveRole(templateId).DisplayName ?? templateId;

    /// <summary>
    /// The user as Conditional Access sees them at sign-in. The clock only matters for "as if PIM
    /// eligibilities were activated", which sign-in never assumes, so none is needed.
    /// </summary>
    public SignInSubject SubjectOf(DirectoryUser user) => SignInSubject.For(user, Directory, default);
}
