using AdminMfaWatchdog.Core.Configuration;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>A built-in role the generator hands out, and how common its assignments are.</summary>
/// <param name="Weight">relative share of active assignments: many helpdesk and user admins, few global admins.</param>
/// <param name="AdminUnitScopable">whether the role is commonly delegated per administrative unit.</param>
internal sealed record RoleSpec(string TemplateId, string Name, bool IsPrivileged, double Weight, bool AdminUnitScopable);

/// <summary>
/// Microsoft's recommended admin roles (what the watched admin policies target), other privileged
/// roles (held by admins those policies miss), and reader roles that make nobody an admin.
/// </summary>
internal static class BuiltInRoles
{
    public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    public const string PrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    public const string PrivilegedAuthenticationAdministrator = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";

    private static readonly Dictionary<string, (double Weight, bool AdminUnitScopable)> RecommendedShares = new()
    {
        [GlobalAdministrator] = (0.5, false),
        [PrivilegedRoleAdministrator] = (0.5, false),
        [PrivilegedAuthenticationAdministrator] = (0.5, false),
        ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"] = (4, false),   // Application Administrator
        ["c4e39bd9-1100-46d3-8c65-fb160da0071f"] = (5, true),    // Authentication Administrator
        ["b0f54661-2d74-4c50-afa3-1ec803f12efe"] = (3, false),   // Billing Administrator
        ["158c047a-c907-4556-b7ef-446551a6b5f7"] = (3, false),   // Cloud Application Administrator
        ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"] = (1, false),   // Conditional Access Administrator
        ["29232cdf-9323-42fd-ade2-1d097af3e4de"] = (6, false),   // Exchange Administrator
        ["729827e3-9c14-49f7-bb1b-9608f156bbb8"] = (18, true),   // Helpdesk Administrator
        ["966707d0-3269-4727-9be2-8c3a10f19b9d"] = (8, true),    // Password Administrator
        ["194ae4cb-b126-40b2-bd5b-6091b380977d"] = (3, false),   // Security Administrator
        ["f28a1f50-f6e7-4571-818b-6a12f2af6b6c"] = (5, false),   // SharePoint Administrator
        ["69091246-20e8-4a56-aa4d-066075b2a7a8"] = (6, false),   // Teams Administrator
        ["fe930be7-5e62-47db-91af-98c3a49a38b1"] = (12, true),   // User Administrator
    };

    public static IReadOnlyList<RoleSpec> Recommended { get; } = RecommendedAdminRoles.NamesByTemplateId
        .Select(r => new RoleSpec(r.Key, r.Value, true, RecommendedShares[r.Key].Weight, RecommendedShares[r.Key].AdminUnitScopable))
        .ToArray();

    public static IReadOnlyList<RoleSpec> OtherPrivileged { get; } =
    [
        new("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator", true, 7, false),
        new("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator", true, 6, true),
        new("5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", "Security Operator", true, 3, false),
        new("17315797-102d-40b4-93e0-432062caca18", "Compliance Administrator", true, 3, false),
        new("9f06204d-73c1-4d4c-880a-6edb90606fd8", "Azure AD Joined Device Local Administrator", true, 2, false),
        new("45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", "Identity Governance Administrator", true, 1, false),
        new("9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers", true, 1, false),
        new("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator", true, 0.5, false),
    ];

    public static IReadOnlyList<RoleSpec> Readers { get; } =
    [
        new("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader", false, 4, false),
        new("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader", false, 3, false),
        new("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", false, 2, false),
        new("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader", false, 3, false),
    ];
}
