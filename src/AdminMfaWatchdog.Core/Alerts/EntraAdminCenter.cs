using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>Deep links to an object's page in the Microsoft Entra admin center.</summary>
public static class EntraAdminCenter
{
    public const string Home = "https://entra.microsoft.com/";

    public static string LinkFor(SubjectType type, string id)
    {
        // Ids come from the tenant: escaped, so no id can change where the link points.
        var escaped = Uri.EscapeDataString(id);
        return type switch
        {
            SubjectType.User => $"https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/{escaped}",
            SubjectType.Group => $"https://entra.microsoft.com/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/{escaped}",
            SubjectType.Policy => $"https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/{escaped}",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown subject type."),
        };
    }
}
