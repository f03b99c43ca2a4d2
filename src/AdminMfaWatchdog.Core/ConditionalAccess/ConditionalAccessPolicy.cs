namespace AdminMfaWatchdog.Core.ConditionalAccess;

public enum PolicyState { Enabled, Disabled, EnabledForReportingButNotEnforced }

/// <summary>A Conditional Access policy (Graph v1.0 <c>conditionalAccessPolicy</c>), the parts that decide MFA coverage.</summary>
public sealed record ConditionalAccessPolicy(
    string Id,
    string? DisplayName,
    PolicyState State,
    UserConditions Users,
    ApplicationConditions Applications,
    IReadOnlyList<string> ClientAppTypes,
    IncludeExclude? Platforms,
    IncludeExclude? Locations,
    DeviceFilter? DeviceFilter,
    IReadOnlyList<string> SignInRiskLevels,
    IReadOnlyList<string> UserRiskLevels,
    IReadOnlyList<string> AuthenticationFlowTransferMethods,
    GrantControls? Grant)
{
    public string Label => DisplayName is null ? Id : $"'{DisplayName}'";
}

public sealed record UserConditions(
    IReadOnlyList<string> IncludeUsers,
    IReadOnlyList<string> ExcludeUsers,
    IReadOnlyList<string> IncludeGroups,
    IReadOnlyList<string> ExcludeGroups,
    IReadOnlyList<string> IncludeRoles,
    IReadOnlyList<string> ExcludeRoles,
    GuestsOrExternalUsers? IncludeGuestsOrExternalUsers,
    GuestsOrExternalUsers? ExcludeGuestsOrExternalUsers);

/// <summary><c>conditionalAccessGuestsOrExternalUsers</c>: the guest types, and whether the home tenants were enumerated.</summary>
public sealed record GuestsOrExternalUsers(IReadOnlyList<string> GuestOrExternalUserTypes, bool TenantsEnumerated);

public sealed record ApplicationConditions(
    IReadOnlyList<string> IncludeApplications,
    IReadOnlyList<string> ExcludeApplications,
    IReadOnlyList<string> IncludeUserActions,
    IReadOnlyList<string> IncludeAuthenticationContextClassReferences);

public sealed record IncludeExclude(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude);

public enum DeviceFilterMode { Include, Exclude }

public sealed record DeviceFilter(DeviceFilterMode Mode, string Rule);

public sealed record GrantControls(
    string Operator,
    IReadOnlyList<string> BuiltInControls,
    IReadOnlyList<string> CustomAuthenticationFactors,
    IReadOnlyList<string> TermsOfUse,
    AuthenticationStrengthReference? AuthenticationStrength);

/// <summary>
/// The strength a grant names. Graph returns it expanded inside the policy; when it does not
/// (only the id), the tenant's <c>authenticationStrengthPolicies</c> resolve it.
/// </summary>
public sealed record AuthenticationStrengthReference(
    string Id,
    string? DisplayName,
    IReadOnlyList<string>? RequirementsSatisfied,
    IReadOnlyList<string>? AllowedCombinations);
