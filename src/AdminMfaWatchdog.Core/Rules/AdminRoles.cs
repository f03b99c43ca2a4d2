using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.Rules;

internal static class AdminRoles
{
    /// <summary>"Global Administrator, Exchange Administrator (eligible)": the roles that make the user an admin.</summary>
    public static string Describe(AdminCoverage admin) => string.Join(", ", admin.Roles
        .Select(r => r.Assignment == AssignmentKind.Eligible ? $"{r.DisplayName} (eligible)" : r.DisplayName)
        .Distinct(StringComparer.Ordinal));
}
