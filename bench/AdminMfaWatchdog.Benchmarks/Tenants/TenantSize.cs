namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// How big a synthetic tenant is. The first seven counts are the contract (issue 10: small, large,
/// xlarge) and <see cref="TenantShape"/> checks that a generated tenant has exactly them; the rest
/// shape the tenant inside those counts.
/// </summary>
public sealed record TenantSize(
    string Name,
    int Users,
    int Groups,
    int ActivePrivilegedAssignments,
    int AssignmentsThroughRoleAssignableGroups,
    int EligibleAssignments,
    int Policies,
    int ServiceAccounts,
    int NamedLocations,
    int RoleAssignableGroups,
    int Departments,
    int PolicyTargetGroups)
{
    public static TenantSize Small { get; } = new("small", Users: 1_000, Groups: 200,
        ActivePrivilegedAssignments: 40, AssignmentsThroughRoleAssignableGroups: 4, EligibleAssignments: 10,
        Policies: 30, ServiceAccounts: 20, NamedLocations: 10,
        RoleAssignableGroups: 2, Departments: 8, PolicyTargetGroups: 10);

    public static TenantSize Large { get; } = new("large", Users: 100_000, Groups: 20_000,
        ActivePrivilegedAssignments: 2_000, AssignmentsThroughRoleAssignableGroups: 100, EligibleAssignments: 500,
        Policies: 300, ServiceAccounts: 1_000, NamedLocations: 50,
        RoleAssignableGroups: 40, Departments: 40, PolicyTargetGroups: 80);

    /// <summary>The large tenant with twice the users; everything else the same.</summary>
    public static TenantSize XLarge { get; } = Large with { Name = "xlarge", Users = 200_000 };

    public static IReadOnlyList<TenantSize> All { get; } = [Small, Large, XLarge];

    public static TenantSize? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
