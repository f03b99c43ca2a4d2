using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// Everything a scan reads from a tenant, whether from a snapshot file or from Microsoft Graph.
/// The contract is DESIGN.md "Tenant snapshot"; <see cref="SnapshotJson"/> reads and writes it.
/// </summary>
public sealed record TenantSnapshot(
    string TenantId,
    IReadOnlyList<DirectoryUser> Users,
    IReadOnlyList<DirectoryGroup> Groups,
    IReadOnlyList<ServicePrincipal> ServicePrincipals,
    IReadOnlyList<RoleDefinition> RoleDefinitions,
    IReadOnlyList<RoleAssignment> RoleAssignments,
    IReadOnlyList<RoleEligibility> RoleEligibilitySchedules,
    IReadOnlyList<ConditionalAccessPolicy> ConditionalAccessPolicies,
    IReadOnlyList<NamedLocation> NamedLocations,
    IReadOnlyList<AuthenticationStrengthPolicy> AuthenticationStrengthPolicies)
{
    public static TenantSnapshot Empty(string tenantId) =>
        new(tenantId, [], [], [], [], [], [], [], [], []);
}
