using AdminMfaWatchdog.Infrastructure.Graph;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Audit;

/// <summary>
/// Which audited activities can change an admin's MFA coverage: any Conditional Access policy change, any
/// role membership change (active or PIM), and group membership changes (policies include and exclude
/// groups, and roles are held through groups). Everything else in the audit log is noise here.
/// </summary>
public static class AuditRelevance
{
    public static bool Matters(DirectoryAuditEntry entry) => entry.Category switch
    {
        "Policy" => entry.Activity.Contains("conditional access policy", StringComparison.OrdinalIgnoreCase),
        "RoleManagement" => entry.Activity.Contains("role", StringComparison.OrdinalIgnoreCase),
        "GroupManagement" => entry.Activity.Contains("member", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
