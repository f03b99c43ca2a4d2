using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Tests.Kit;

/// <summary>A plain "require MFA" policy and small edits on it; each test changes only what its case is about.</summary>
internal static class Policies
{
    private static int _next;

    public static ConditionalAccessPolicy RequireMfa(string name, params string[] includeRoles) => new(
        $"cafe0000-0000-4000-8000-{Interlocked.Increment(ref _next):D12}",
        name,
        PolicyState.Enabled,
        new UserConditions([], [], [], [], includeRoles, [], null, null),
        new ApplicationConditions(["All"], [], [], []),
        ["all"],
        null, null, null, [], [], [],
        new GrantControls("OR", ["mfa"], [], [], null));

    public static ConditionalAccessPolicy ForAllUsers(string name) => RequireMfa(name).IncludeUsers("All");

    public static ConditionalAccessPolicy IncludeUsers(this ConditionalAccessPolicy p, params string[] ids) => p with { Users = p.Users with { IncludeUsers = ids } };
    public static ConditionalAccessPolicy ExcludeUsers(this ConditionalAccessPolicy p, params string[] ids) => p with { Users = p.Users with { ExcludeUsers = ids } };
    public static ConditionalAccessPolicy IncludeGroups(this ConditionalAccessPolicy p, params string[] ids) => p with { Users = p.Users with { IncludeGroups = ids } };
    public static ConditionalAccessPolicy ExcludeGroups(this ConditionalAccessPolicy p, params string[] ids) => p with { Users = p.Users with { ExcludeGroups = ids } };
    public static ConditionalAccessPolicy ExcludeRoles(this ConditionalAccessPolicy p, params string[] ids) => p with { Users = p.Users with { ExcludeRoles = ids } };
    public static ConditionalAccessPolicy IncludeGuests(this ConditionalAccessPolicy p, string types, bool enumerated = false) =>
        p with { Users = p.Users with { IncludeGuestsOrExternalUsers = new GuestsOrExternalUsers(types.Split(','), enumerated) } };
    public static ConditionalAccessPolicy ExcludeGuests(this ConditionalAccessPolicy p, string types, bool enumerated = false) =>
        p with { Users = p.Users with { ExcludeGuestsOrExternalUsers = new GuestsOrExternalUsers(types.Split(','), enumerated) } };
    public static ConditionalAccessPolicy WithState(this ConditionalAccessPolicy p, PolicyState state) => p with { State = state };
    public static ConditionalAccessPolicy Grant(this ConditionalAccessPolicy p, string op, params string[] controls) =>
        p with { Grant = new GrantControls(op, controls, [], [], null) };
    public static ConditionalAccessPolicy GrantStrength(this ConditionalAccessPolicy p, string strengthId) =>
        p with { Grant = new GrantControls("OR", [], [], [], new AuthenticationStrengthReference(strengthId, null, null, null)) };
    public static ConditionalAccessPolicy Apps(this ConditionalAccessPolicy p, string[] include, params string[] exclude) =>
        p with { Applications = p.Applications with { IncludeApplications = include, ExcludeApplications = exclude } };
    public static ConditionalAccessPolicy UserActionsOnly(this ConditionalAccessPolicy p) =>
        p with { Applications = new ApplicationConditions([], [], ["urn:user:registersecurityinfo"], []) };
    public static ConditionalAccessPolicy ClientApps(this ConditionalAccessPolicy p, params string[] types) => p with { ClientAppTypes = types };
    public static ConditionalAccessPolicy Platforms(this ConditionalAccessPolicy p, string[] include, params string[] exclude) => p with { Platforms = new IncludeExclude(include, exclude) };
    public static ConditionalAccessPolicy Locations(this ConditionalAccessPolicy p, string[] include, params string[] exclude) => p with { Locations = new IncludeExclude(include, exclude) };
    public static ConditionalAccessPolicy SignInRisk(this ConditionalAccessPolicy p, params string[] levels) => p with { SignInRiskLevels = levels };
    public static ConditionalAccessPolicy UserRisk(this ConditionalAccessPolicy p, params string[] levels) => p with { UserRiskLevels = levels };
    public static ConditionalAccessPolicy DeviceFilter(this ConditionalAccessPolicy p, DeviceFilterMode mode, string rule) => p with { DeviceFilter = new DeviceFilter(mode, rule) };
    public static ConditionalAccessPolicy Flows(this ConditionalAccessPolicy p, params string[] methods) => p with { AuthenticationFlowTransferMethods = methods };
}
