using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>Short ways to write Conditional Access policies; a new policy applies to nobody until targeted.</summary>
internal static class Policies
{
    public static GrantControls Mfa { get; } = Grant("OR", "mfa");
    public static GrantControls Block { get; } = Grant("OR", "block");

    public static ConditionalAccessPolicy Base(string id, string name, PolicyState state) => new(
        id, name, state,
        Users(),
        Apps(["All"]),
        ["all"],
        Platforms: null, Locations: null, DeviceFilter: null,
        SignInRiskLevels: [], UserRiskLevels: [], AuthenticationFlowTransferMethods: [],
        Grant: null);

    public static UserConditions Users(
        string[]? includeUsers = null, string[]? excludeUsers = null,
        string[]? includeGroups = null, string[]? excludeGroups = null,
        string[]? includeRoles = null, string[]? excludeRoles = null) =>
        new(includeUsers ?? [], excludeUsers ?? [], includeGroups ?? [], excludeGroups ?? [], includeRoles ?? [], excludeRoles ?? [], null, null);

    public static ApplicationConditions Apps(IReadOnlyList<string> include, params string[] exclude) => new(include, exclude, [], []);

    public static GrantControls Grant(string op, params string[] controls) => new(op, controls, [], [], null);

    /// <summary>
    /// Graph returns built-in strengths expanded inside the policy (pass their combinations); custom
    /// ones are often only an id, resolved through the tenant's strength policies (pass null).
    /// </summary>
    public static GrantControls Strength(string id, string name, IReadOnlyList<string>? expandedCombinations) => new("OR", [], [], [],
        new AuthenticationStrengthReference(id, name, expandedCombinations is null ? null : ["mfa"], expandedCombinations));

    public static ConditionalAccessPolicy Targeting(this ConditionalAccessPolicy policy, UserConditions users) => policy with { Users = users };

    public static ConditionalAccessPolicy Granting(this ConditionalAccessPolicy policy, GrantControls? grant) => policy with { Grant = grant };
}
