using AdminMfaWatchdog.Infrastructure.Graph;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Audit;

/// <summary>
/// Which audited activities can change an admin's MFA coverage: any change to a Conditional Access
/// policy, a named location (trusted locations) or an authentication strength, any role membership
/// change (active or PIM), and group membership changes (policies include and exclude groups, and roles
/// are held through groups). Everything else in the audit log is noise here.
/// </summary>
public static class AuditRelevance
{
    private static readonly string[] PolicyActivities = ["conditional access", "named location", "authentication strength"];

    public static bool Matters(DirectoryAuditEntry entry) => entry.Category switch
    {
        "Policy" => PolicyActivities.Any(activity => entry.Activity.Contains(activity, StringComparison.OrdinalIgnoreCase)),
        "RoleManagement" => entry.Activity.Contains("role", StringComparison.OrdinalIgnoreCase),
        "GroupManagement" => entry.Activity.Contains("member", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
